import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessGuard } from './access/access.guard';
import { AccessTokenVerifier } from './access/access-token.verifier';
import { AUTH_ENTITIES } from './entities';
import { AuthController } from './login/auth.controller';
import { AuthService } from './login/auth.service';
import { IpRateLimitGuard } from './login/ip-rate-limit.guard';
import { LoginThrottleRepository } from './login/login-throttle.repository';
import { PasswordHasher } from './login/password-hasher';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';
import { TokenService } from './sessions/token.service';
import { TeamsController } from './teams/teams.controller';
import { TeamsRepository } from './teams/teams.repository';
import { TeamsService } from './teams/teams.service';
import { BootstrapAdminService } from './users/bootstrap-admin.service';
import { UsersController } from './users/users.controller';
import { UsersRepository } from './users/users.repository';
import { UsersService } from './users/users.service';

/** Users, teams, sessions and the deny-by-default guard (registered globally here). */
@Module({
  imports: [TypeOrmModule.forFeature(AUTH_ENTITIES), JwtModule.register({})],
  controllers: [AuthController, UsersController, TeamsController],
  providers: [
    { provide: APP_GUARD, useClass: AccessGuard },
    AccessTokenVerifier,
    AuthService,
    IpRateLimitGuard,
    LoginThrottleRepository,
    PasswordHasher,
    SessionsRepository,
    SessionsService,
    TokenService,
    TeamsRepository,
    TeamsService,
    UsersRepository,
    UsersService,
    BootstrapAdminService,
  ],
  exports: [
    UsersService,
    TeamsService,
    PasswordHasher,
    SessionsService,
    BootstrapAdminService,
    UsersRepository,
    TeamsRepository,
  ],
})
export class AuthModule {}
