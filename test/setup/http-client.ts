import { OpenApiResponses } from './openapi-responses';

/**
 * A small HTTP client over fetch for e2e tests: real sockets, real headers, raw bodies
 * allowed. Every answer is checked against openapi.json (status, media type, body schema,
 * headers); one the document does not describe throws, failing the test that asked.
 */
export interface HttpResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent verbatim instead of JSON-encoding `body`. */
  raw?: string | Buffer;
}

let committedDocument: OpenApiResponses | undefined;

/** The committed document, read and prepared once per test file. */
function documentedResponses(): OpenApiResponses {
  committedDocument ??= OpenApiResponses.fromCommittedFile();
  return committedDocument;
}

export class ResponseNotDocumentedError extends Error {}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    /** null: answers are not checked (only for tests of the checking itself). */
    private readonly documented: OpenApiResponses | null = documentedResponses(),
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | Buffer | undefined = options.raw;
    if (payload === undefined && body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    if (text && /json/.test(response.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    const problems = this.documented?.check(method, path, response.status, response.headers, parsed) ?? [];
    if (problems.length > 0) {
      throw new ResponseNotDocumentedError(
        `${method} ${path}: the answer does not match openapi.json\n  ${problems.join('\n  ')}\n` +
          `  body: ${text.slice(0, 2000)}`,
      );
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = any>(path: string, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('POST', path, body, options);
  }

  patch<T = any>(path: string, body?: unknown, options?: RequestOptions): Promise<HttpResponse<T>> {
    return this.request<T>('PATCH', path, body, options);
  }
}
