import { SECURITY_HEADERS } from './security-headers';

const directives = (csp: string): Map<string, string> =>
  new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values.join(' ')]),
  );

describe('SECURITY_HEADERS', () => {
  it('should give the web UI a policy with nothing inline and nothing from elsewhere', () => {
    const csp = directives(SECURITY_HEADERS.web['content-security-policy'] ?? '');
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect([...csp.values()].join(' ')).not.toMatch(/unsafe|https:|\*/);
  });

  it('should keep helmet’s other headers on the web kind', () => {
    expect(SECURITY_HEADERS.web['x-content-type-options']).toBe('nosniff');
    expect(SECURITY_HEADERS.web['strict-transport-security']).toBe(
      SECURITY_HEADERS.api['strict-transport-security'],
    );
  });

  it('should keep the Swagger UI’s inline allowance on the API kind only', () => {
    expect(SECURITY_HEADERS.api['content-security-policy']).toContain("'unsafe-inline'");
  });
});
