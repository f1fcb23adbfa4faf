/**
 * Generated parts of a Markdown page sit between two markers:
 *
 *   <!-- generated:NAME -->
 *   ...written by `npm run docs:generate`, never by hand...
 *   <!-- /generated:NAME -->
 *
 * The rest of the page is prose and stays as written.
 */
const START = (name: string): string => `<!-- generated:${name} -->`;
const END = (name: string): string => `<!-- /generated:${name} -->`;

/** The page with each named section's content replaced; a section without its markers is an error. */
export function replaceSections(page: string, sections: Readonly<Record<string, string>>): string {
  let result = page;
  for (const [name, content] of Object.entries(sections)) {
    const start = result.indexOf(START(name));
    const end = result.indexOf(END(name));
    if (start < 0 || end < start) throw new Error(`missing markers for generated section "${name}"`);
    const before = result.slice(0, start + START(name).length);
    result = `${before}\n\n${content.trim()}\n\n${result.slice(end)}`;
  }
  return result;
}

/** Names of every generated section a page declares (to catch a section nobody generates). */
export function declaredSections(page: string): string[] {
  return [...page.matchAll(/<!-- generated:([\w-]+) -->/g)].map((match) => match[1]!);
}
