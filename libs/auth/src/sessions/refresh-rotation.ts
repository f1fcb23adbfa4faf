/**
 * What presenting a refresh token means, decided from the stored token and its session:
 * a live unused token rotates; a used one is a replay, so the whole session (the token
 * family) must be revoked; anything else is simply refused.
 */
export interface StoredRefreshToken {
  usedAt: Date | null;
  session: { revokedAt: Date | null; expiresAt: Date; userActive: boolean };
}

export type RefreshDecision = 'rotate' | 'reuse' | 'invalid';

export function decideRefresh(token: StoredRefreshToken | null, now: Date): RefreshDecision {
  if (!token) return 'invalid';
  if (token.session.revokedAt !== null || token.session.expiresAt <= now || !token.session.userActive) {
    return 'invalid';
  }
  if (token.usedAt !== null) return 'reuse';
  return 'rotate';
}
