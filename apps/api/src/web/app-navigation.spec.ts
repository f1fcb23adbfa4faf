import { isAppNavigation } from './app-navigation';

const HTML = 'text/html,application/xhtml+xml,*/*;q=0.8';

describe('isAppNavigation', () => {
  it.each(['/', '/families', '/families/7b1c/contacts/new?x=1', '/reminders', '/administration'])(
    'should serve the UI for a page load of %s',
    (url) => expect(isAppNavigation(url, HTML)).toBe(true),
  );

  it.each(['/api', '/api/v1/nope', '/health', '/health/nope', '/admin', '/admin/queues/x'])(
    'should leave the server path %s to the API',
    (url) => expect(isAppNavigation(url, HTML)).toBe(false),
  );

  it('should leave a missing file to the 404', () => {
    expect(isAppNavigation('/assets/missing.js', HTML)).toBe(false);
  });

  it('should leave a request that does not accept HTML to the 404', () => {
    expect(isAppNavigation('/families', 'application/json')).toBe(false);
    expect(isAppNavigation('/families', undefined)).toBe(false);
  });
});
