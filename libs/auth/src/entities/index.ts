import { AuthSessionEntity } from './auth-session.entity';
import { LoginThrottleEntity } from './login-throttle.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export { AuthSessionEntity, LoginThrottleEntity, RefreshTokenEntity, TeamEntity, UserEntity };
export const AUTH_ENTITIES = [
  TeamEntity,
  UserEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  LoginThrottleEntity,
];
