import { readFileSync } from 'node:fs';

/**
 * The requests of a guide in docs/guides: every ```sh block that starts with `curl`, in the
 * narrow form the guides use (docs/guides/README.md):
 *
 *   curl -si -X METHOD "URL" -H 'Name: value' … [-d @- <<EOF … EOF]
 *   # → STATUS[; NAME=.path, NAME=.path]
 *
 * Other sh blocks (setting NOW, NEXT…) are the reader's setup and are skipped.
 */
export interface GuideRequest {
  /** The curl line as written, to name the step in failures. */
  source: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  status: number;
  /** Shell variable → JSON path in the answer (`.items[0].id`). */
  captures: Record<string, string>;
}

const BLOCK = /```sh\n([\s\S]*?)```/g;
const TOKEN = /'([^']*)'|"((?:\\.|[^"\\])*)"|(\S+)/g;
const EXPECT = /^# → (\d{3})(?:; (.+))?$/;

function tokens(command: string): string[] {
  return [...command.matchAll(TOKEN)].map(
    ([, single, double, bare]) => single ?? double?.replace(/\\(.)/g, '$1') ?? bare!,
  );
}

export function parseGuide(markdown: string): GuideRequest[] {
  const requests: GuideRequest[] = [];
  for (const [, block] of markdown.matchAll(BLOCK)) {
    const lines = block!.trimEnd().split('\n');
    if (!lines[0]!.startsWith('curl ')) continue;
    const expectation = EXPECT.exec(lines.at(-1)!);
    if (!expectation) throw new Error(`a guide request must end with "# → STATUS": ${lines[0]}`);
    const heredoc = lines.findIndex((line) => line.includes('<<EOF'));
    const commandLines = heredoc >= 0 ? lines.slice(0, heredoc + 1) : lines.slice(0, -1);
    const body =
      heredoc >= 0 ? lines.slice(heredoc + 1, lines.indexOf('EOF', heredoc)).join('\n') : undefined;
    const request: GuideRequest = {
      source: lines[0]!,
      method: 'GET',
      url: '',
      headers: {},
      body,
      status: Number(expectation[1]),
      captures: {},
    };
    const words = tokens(commandLines.join('\n').replace(/\\\n/g, ' '));
    for (let i = 1; i < words.length; i += 1) {
      const word = words[i]!;
      if (word === '-X') {
        request.method = words[++i]!;
      } else if (word === '-H') {
        const [name, ...value] = words[++i]!.split(':');
        request.headers[name!.trim()] = value.join(':').trim();
      } else if (word === '-d') {
        i += 2; // "@- <<EOF": the body is the here-document
      } else if (word.startsWith('http')) {
        request.url = word;
      } else if (!/^-[si]+$/.test(word)) {
        throw new Error(`unexpected "${word}" in ${request.source}`);
      }
    }
    for (const capture of expectation[2]?.split(', ') ?? []) {
      const [name, path] = capture.split('=');
      request.captures[name!] = path!;
    }
    requests.push(request);
  }
  return requests;
}

export function readGuide(file: string): GuideRequest[] {
  return parseGuide(readFileSync(file, 'utf8'));
}

/** `$NAME` and `${NAME}` filled from the variables; an unknown one is an error. */
export function fillVariables(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g, (_, name: string) => {
    const value = variables[name];
    if (value === undefined) throw new Error(`$${name} is used before the guide sets it`);
    return value;
  });
}

/** The value at `.items[0].id` in a parsed JSON answer. */
export function valueAt(answer: unknown, path: string): unknown {
  let value: unknown = answer;
  for (const [, key, index] of path.matchAll(/\.(\w+)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key ?? index!];
  }
  return value;
}
