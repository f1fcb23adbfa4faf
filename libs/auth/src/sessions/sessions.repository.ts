import { Injectable } from '@nestjs/common';
import { IsNull, Not } from 'typeorm';
import { TransactionRunner } from '@accompany/persistence';
import { AuthSessionEntity, RefreshTokenEntity } from '../entities';
import type { Role } from '../access/role.enum';

export interface LiveSessionUser {
  userId: string;
  email: string;
  fullName: string;
  role: Role;
  teamId: string | null;
}

export interface LockedRefreshToken {
  id: string;
  sessionId: string;
  userId: string;
  usedAt: Date | null;
  session: { revokedAt: Date | null; expiresAt: Date; userActive: boolean };
}

@Injectable()
export class SessionsRepository {
  constructor(private readonly tx: TransactionRunner) {}

  async insertSession(userId: string, expiresAt: Date): Promise<string> {
    const result = await this.tx
      .manager()
      .createQueryBuilder()
      .insert()
      .into(AuthSessionEntity)
      .values({ userId, expiresAt })
      .returning(['id'])
      .execute();
    return (result.identifiers[0] as { id: string }).id;
  }

  async insertRefreshToken(sessionId: string, tokenHash: Buffer): Promise<void> {
    await this.tx.manager().insert(RefreshTokenEntity, { sessionId, tokenHash });
  }

  /** The per-request check: one indexed read joining the session to its (active) user. */
  async findLiveSessionUser(sessionId: string, userId: string): Promise<LiveSessionUser | null> {
    const rows: LiveSessionUser[] = await this.tx.manager().query(
      `SELECT u.id AS "userId", u.email, u.full_name AS "fullName", u.role, u.team_id AS "teamId"
         FROM auth_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.user_id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.active`,
      [sessionId, userId],
    );
    return rows[0] ?? null;
  }

  /** Reads a refresh token with its session under a row lock, so two rotations serialise. */
  async lockRefreshToken(tokenHash: Buffer): Promise<LockedRefreshToken | null> {
    const rows: Array<{
      id: string;
      sessionId: string;
      userId: string;
      usedAt: Date | null;
      revokedAt: Date | null;
      expiresAt: Date;
      userActive: boolean;
    }> = await this.tx.manager().query(
      `SELECT t.id, t.session_id AS "sessionId", s.user_id AS "userId", t.used_at AS "usedAt",
              s.revoked_at AS "revokedAt", s.expires_at AS "expiresAt", u.active AS "userActive"
         FROM refresh_tokens t
         JOIN auth_sessions s ON s.id = t.session_id
         JOIN users u ON u.id = s.user_id
        WHERE t.token_hash = $1
        FOR UPDATE OF t, s`,
      [tokenHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      sessionId: row.sessionId,
      userId: row.userId,
      usedAt: row.usedAt,
      session: { revokedAt: row.revokedAt, expiresAt: row.expiresAt, userActive: row.userActive },
    };
  }

  async markRefreshTokenUsed(id: string): Promise<void> {
    await this.tx.manager().update(RefreshTokenEntity, { id }, { usedAt: new Date() });
  }

  async revokeSession(sessionId: string, reason: string): Promise<boolean> {
    const result = await this.tx
      .manager()
      .update(
        AuthSessionEntity,
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokedReason: reason },
      );
    return (result.affected ?? 0) > 0;
  }

  async revokeUserSessions(userId: string, reason: string, exceptSessionId?: string): Promise<number> {
    const where = exceptSessionId
      ? { userId, revokedAt: IsNull(), id: Not(exceptSessionId) }
      : { userId, revokedAt: IsNull() };
    const result = await this.tx
      .manager()
      .update(AuthSessionEntity, where, { revokedAt: new Date(), revokedReason: reason });
    return result.affected ?? 0;
  }
}
