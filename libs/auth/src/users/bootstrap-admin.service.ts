import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@accompany/config';
import { AuditAction, AuditService } from '@accompany/audit';
import { TransactionRunner } from '@accompany/persistence';
import { Role } from '../access/role.enum';
import { PasswordHasher } from '../login/password-hasher';
import { UsersRepository } from './users.repository';

/**
 * On start, when no active admin exists, creates one from ADMIN_EMAIL / ADMIN_PASSWORD so a
 * new deployment can be administered. Never touches an existing account.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly tx: TransactionRunner,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureAdmin();
  }

  async ensureAdmin(): Promise<'exists' | 'created' | 'not_configured'> {
    if (await this.users.existsWithRole(Role.Admin)) return 'exists';
    const admin = this.config.bootstrapAdmin;
    if (!admin) {
      this.logger.warn('no admin exists and ADMIN_EMAIL/ADMIN_PASSWORD are not set');
      return 'not_configured';
    }
    if (await this.users.findByEmail(admin.email)) {
      this.logger.warn('no active admin exists, but ADMIN_EMAIL belongs to another account; left alone');
      return 'not_configured';
    }
    const passwordHash = await this.hasher.hash(admin.password);
    await this.tx.run(async () => {
      const user = await this.users.insert({
        email: admin.email,
        fullName: 'Administrator',
        passwordHash,
        role: Role.Admin,
        teamId: null,
      });
      await this.audit.record(
        { userId: null, role: null, teamId: null, requestId: null, ip: null },
        {
          action: AuditAction.UserCreated,
          entityType: 'user',
          entityId: user.id,
          teamId: null,
          changedFields: ['email', 'role'],
        },
      );
    });
    this.logger.log('first admin created from ADMIN_EMAIL');
    return 'created';
  }
}
