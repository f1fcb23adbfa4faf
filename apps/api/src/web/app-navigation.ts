/** Path prefixes that belong to the server, never to the browser UI's router. */
const SERVER_PREFIXES = ['/api', '/health', '/admin'];

/**
 * A browser navigation to one of the UI's own paths: a page load (Accept names text/html)
 * outside the server's prefixes and without a file extension (a missing asset stays a 404).
 */
export function isAppNavigation(url: string, accept: string | undefined): boolean {
  const path = url.split('?')[0] ?? '/';
  if (!(accept ?? '').includes('text/html')) return false;
  if (SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}
