import { createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '@accompany/config';

export interface AccessClaims {
  sub: string;
  sid: string;
}

export const JWT_ISSUER = 'accompany';
export const JWT_AUDIENCE = 'accompany-api';

/**
 * Access tokens are short-lived JWTs naming the user and the session; refresh tokens are
 * random opaque strings, stored only as an HMAC keyed with JWT_REFRESH_SECRET so a copy
 * of the database alone cannot be used to forge or test them.
 */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  signAccessToken(claims: AccessClaims): Promise<string> {
    return this.jwt.signAsync(claims, {
      secret: this.config.jwt.accessSecret,
      expiresIn: this.config.jwt.accessTtlSeconds,
      issuer: JWT_ISSUER,
      audience: JWT_AUDIENCE,
      algorithm: 'HS256',
    });
  }

  newRefreshToken(): string {
    return randomBytes(32).toString('base64url');
  }

  hashRefreshToken(token: string): Buffer {
    return createHmac('sha256', this.config.jwt.refreshSecret).update(token).digest();
  }

  get accessTtlSeconds(): number {
    return this.config.jwt.accessTtlSeconds;
  }
}
