import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { AuditAction, AuditService, type AuditActor } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import {
  PreconditionFailedError,
  TooManyRequestsError,
  UnauthorizedError,
  UnprocessableError,
} from '@accompany/shared';
import { auditActorOf, type AuthUser } from '../access/auth-user';
import type { RequestMeta } from '../access/decorators';
import type { ChangePasswordDto, LoginDto } from '../dto/auth.dto';
import { SessionsService, type TokenPair } from '../sessions/sessions.service';
import { UsersRepository } from '../users/users.repository';
import { accountKeyOf, LoginThrottleRepository } from './login-throttle.repository';
import { PasswordHasher } from './password-hasher';

const BAD_CREDENTIALS = (): UnauthorizedError =>
  new UnauthorizedError('INVALID_CREDENTIALS', 'The e-mail or password is wrong.');

function anonymousActor(meta: RequestMeta): AuditActor {
  return { userId: null, role: null, teamId: null, requestId: meta.requestId, ip: meta.ip };
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  /**
   * Counts the attempt first (so a locked account never reaches the hash), then verifies;
   * unknown e-mails are verified against a dummy hash and answer exactly like a wrong password.
   */
  async login(dto: LoginDto, meta: RequestMeta): Promise<TokenPair> {
    const accountKey = accountKeyOf(dto.email);
    const user = await this.users.findByEmail(dto.email.trim());
    const decision = await this.tx.run(async () => {
      const counted = await this.throttle.registerAttempt(accountKey, new Date(), {
        maxFailures: this.config.login.maxFailures,
        lockSeconds: this.config.login.lockSeconds,
        windowSeconds: this.config.login.failureWindowSeconds,
      });
      if (!counted.allowed && counted.lockedNow) {
        await this.audit.record(
          { ...anonymousActor(meta), userId: user?.id ?? null },
          { action: AuditAction.AccountLocked, entityType: 'user', entityId: user?.id ?? null },
        );
      }
      return counted;
    });
    if (!decision.allowed) {
      throw new TooManyRequestsError(
        decision.retryAfterSeconds,
        'ACCOUNT_LOCKED',
        'Too many failed logins; try later.',
      );
    }

    const verified =
      user && user.active
        ? await this.hasher.verify(user.passwordHash, dto.password)
        : await this.hasher.verifyAgainstDummy(dto.password);
    if (!user || !user.active || !verified) {
      await this.audit.record(
        { ...anonymousActor(meta), userId: user?.id ?? null },
        { action: AuditAction.LoginFailed, entityType: 'user', entityId: user?.id ?? null },
      );
      throw BAD_CREDENTIALS();
    }

    return this.tx.run(async () => {
      await this.throttle.clear(accountKey);
      const pair = await this.sessions.open(user.id);
      await this.audit.record(
        { userId: user.id, role: user.role, teamId: user.teamId, requestId: meta.requestId, ip: meta.ip },
        { action: AuditAction.LoginSucceeded, entityType: 'user', entityId: user.id },
      );
      return pair;
    });
  }

  refresh(refreshToken: string, meta: RequestMeta): Promise<TokenPair> {
    return this.sessions.rotate(refreshToken, anonymousActor(meta));
  }

  logout(refreshToken: string, meta: RequestMeta): Promise<void> {
    return this.sessions.endByRefreshToken(refreshToken, anonymousActor(meta));
  }

  /** Changes the caller's own password; every other session of theirs ends. */
  async changePassword(user: AuthUser, dto: ChangePasswordDto): Promise<void> {
    const stored = await this.users.findById(user.id);
    if (!stored || !(await this.hasher.verify(stored.passwordHash, dto.currentPassword))) {
      throw new UnprocessableError('WRONG_CURRENT_PASSWORD', 'The current password is wrong.', [
        { field: 'currentPassword', code: 'incorrect', message: 'currentPassword is wrong' },
      ]);
    }
    if (dto.newPassword === dto.currentPassword) {
      throw new UnprocessableError(
        'PASSWORD_UNCHANGED',
        'The new password must differ from the current one.',
        [
          {
            field: 'newPassword',
            code: 'conflicting_value',
            message: 'newPassword must differ from currentPassword',
          },
        ],
      );
    }
    const passwordHash = await this.hasher.hash(dto.newPassword);
    await this.tx.run(async () => {
      const updated = await this.users.update(
        user.id,
        { passwordHash, passwordChangedAt: new Date() },
        stored.version,
      );
      if (!updated) {
        throw new PreconditionFailedError('USER_CHANGED', 'The account changed meanwhile; try again.');
      }
      const ended = await this.sessions.endAllForUser(user.id, 'password_changed', user.sessionId);
      await this.audit.record(auditActorOf(user), {
        action: AuditAction.PasswordChanged,
        entityType: 'user',
        entityId: user.id,
        changedFields: ['password'],
      });
      this.logger.log({ userId: user.id, endedSessions: ended }, 'password changed');
    });
  }
}
