/**
 * The deepest nesting of arrays and objects a JSON body may have. The deepest real body
 * (a family's missing person's external references) is 4 levels; 32 leaves room and stops
 * bodies built to make recursive code (class-transformer, class-validator) overflow or
 * stall the event loop. Documented in the README and api notes.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/**
 * Whether JSON text nests arrays/objects deeper than `max`, found by one linear pass over
 * the characters (skipping string contents), with no recursion and no parsing: it stops at
 * the first bracket past the limit. Malformed text is left for JSON.parse to refuse.
 */
export function exceedsJsonDepth(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}
