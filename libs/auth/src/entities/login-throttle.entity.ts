import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Per-account login attempts, keyed by a hash of the e-mail typed (known or not), so
 * the table never stores addresses and unknown e-mails lock exactly like known ones.
 */
@Entity({ name: 'login_throttles' })
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'bytea' })
  accountKey!: Buffer;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
