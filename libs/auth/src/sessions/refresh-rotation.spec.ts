import { decideRefresh, type StoredRefreshToken } from './refresh-rotation';

const NOW = new Date('2026-03-01T12:00:00Z');
const live = (
  overrides: Partial<StoredRefreshToken> = {},
  session: Partial<StoredRefreshToken['session']> = {},
) => ({
  usedAt: null,
  ...overrides,
  session: { revokedAt: null, expiresAt: new Date('2026-04-01T00:00:00Z'), userActive: true, ...session },
});

describe(decideRefresh.name, () => {
  it('should rotate a live unused token', () => {
    expect(decideRefresh(live(), NOW)).toBe('rotate');
  });

  it('should treat a used token as reuse, which revokes the family', () => {
    expect(decideRefresh(live({ usedAt: new Date('2026-03-01T11:00:00Z') }), NOW)).toBe('reuse');
  });

  it('should refuse unknown tokens and tokens of ended sessions', () => {
    expect(decideRefresh(null, NOW)).toBe('invalid');
    expect(decideRefresh(live({}, { revokedAt: new Date('2026-02-01') }), NOW)).toBe('invalid');
    expect(decideRefresh(live({}, { expiresAt: NOW }), NOW)).toBe('invalid');
    expect(decideRefresh(live({}, { userActive: false }), NOW)).toBe('invalid');
  });

  it('should not report reuse on an already revoked family', () => {
    expect(
      decideRefresh(live({ usedAt: new Date('2026-02-01') }, { revokedAt: new Date('2026-02-02') }), NOW),
    ).toBe('invalid');
  });
});
