import { Injectable } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { AuditAction, AuditService, type AuditActor } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import { UnauthorizedError } from '@accompany/shared';
import { decideRefresh } from './refresh-rotation';
import { SessionsRepository, type LiveSessionUser } from './sessions.repository';
import { TokenService } from './token.service';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export type SessionEndReason =
  | 'logout'
  | 'refresh_reuse'
  | 'deactivated'
  | 'role_changed'
  | 'team_changed'
  | 'password_changed'
  | 'password_reset';

const INVALID_REFRESH = (): UnauthorizedError =>
  new UnauthorizedError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid.');

/** Sessions and their tokens: open, check, rotate, end. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly tokens: TokenService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Opens a session for the user; joins the caller's transaction. */
  async open(userId: string): Promise<TokenPair> {
    const expiresAt = new Date(Date.now() + this.config.jwt.refreshTtlSeconds * 1000);
    const sessionId = await this.sessions.insertSession(userId, expiresAt);
    return this.issuePair(userId, sessionId);
  }

  findLiveSessionUser(sessionId: string, userId: string): Promise<LiveSessionUser | null> {
    return this.sessions.findLiveSessionUser(sessionId, userId);
  }

  /**
   * Exchanges a refresh token for a new pair. A token presented twice means it was copied:
   * the whole session is revoked (and audited) and the caller gets 401.
   */
  async rotate(refreshToken: string, actor: AuditActor): Promise<TokenPair> {
    const outcome = await this.tx.run(async () => {
      const stored = await this.sessions.lockRefreshToken(this.tokens.hashRefreshToken(refreshToken));
      const decision = decideRefresh(stored, new Date());
      if (!stored || decision === 'invalid') return null;
      if (decision === 'reuse') {
        await this.sessions.revokeSession(stored.sessionId, 'refresh_reuse');
        await this.audit.record(
          { ...actor, userId: stored.userId },
          { action: AuditAction.RefreshReused, entityType: 'session', entityId: stored.sessionId },
        );
        return null;
      }
      await this.sessions.markRefreshTokenUsed(stored.id);
      return this.issuePair(stored.userId, stored.sessionId);
    });
    if (!outcome) throw INVALID_REFRESH();
    return outcome;
  }

  /** Ends the session a refresh token belongs to; unknown tokens end nothing and say nothing. */
  async endByRefreshToken(refreshToken: string, actor: AuditActor): Promise<void> {
    await this.tx.run(async () => {
      const stored = await this.sessions.lockRefreshToken(this.tokens.hashRefreshToken(refreshToken));
      if (!stored) return;
      if (await this.sessions.revokeSession(stored.sessionId, 'logout')) {
        await this.audit.record(
          { ...actor, userId: stored.userId },
          { action: AuditAction.Logout, entityType: 'session', entityId: stored.sessionId },
        );
      }
    });
  }

  /** Ends every session of a user (or all but one); joins the caller's transaction. */
  endAllForUser(userId: string, reason: SessionEndReason, exceptSessionId?: string): Promise<number> {
    return this.sessions.revokeUserSessions(userId, reason, exceptSessionId);
  }

  private async issuePair(userId: string, sessionId: string): Promise<TokenPair> {
    const refreshToken = this.tokens.newRefreshToken();
    await this.sessions.insertRefreshToken(sessionId, this.tokens.hashRefreshToken(refreshToken));
    const accessToken = await this.tokens.signAccessToken({ sub: userId, sid: sessionId });
    return { accessToken, refreshToken, expiresIn: this.tokens.accessTtlSeconds };
  }
}
