import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** OWASP's argon2id minimum: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

/**
 * Hashes and verifies passwords. Unknown e-mails are verified against a dummy hash of the
 * same cost, so a wrong e-mail costs what a wrong password costs and timing does not tell
 * which addresses exist. `dummyVerifications` lets tests check that this really happens.
 */
@Injectable()
export class PasswordHasher {
  private dummyHash: Promise<string> | null = null;
  private dummyCount = 0;

  hash(password: string): Promise<string> {
    return argon2.hash(password, ARGON2_OPTIONS);
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('dummy-password-for-unknown-accounts');
    this.dummyCount += 1;
    await this.verify(await this.dummyHash, password);
    return false;
  }

  get dummyVerifications(): number {
    return this.dummyCount;
  }
}
