import type { MigrationInterface, QueryRunner } from 'typeorm';

/** `reassign_family`: a supervisor's reminder to assign again a family whose accompanier left the team. */
export class AddReassignFamilyReminderKind1796405413486 implements MigrationInterface {
  name = 'AddReassignFamilyReminderKind1796405413486';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "chk_reminders_kind"`);
    await queryRunner.query(`
            ALTER TABLE "reminders" ADD CONSTRAINT "chk_reminders_kind" CHECK (
                kind IN (
                    'follow_up_contact',
                    'contact_retry',
                    'inactivity',
                    'referral_pending',
                    'family_notification',
                    'identification_support',
                    'reassign_family'
                )
            )
        `);
  }

  /** Refuses (the constraint fails) while reassign_family reminders exist: they have no older kind to become. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "reminders" DROP CONSTRAINT "chk_reminders_kind"`);
    await queryRunner.query(`
            ALTER TABLE "reminders" ADD CONSTRAINT "chk_reminders_kind" CHECK (
                kind IN (
                    'follow_up_contact',
                    'contact_retry',
                    'inactivity',
                    'referral_pending',
                    'family_notification',
                    'identification_support'
                )
            )
        `);
  }
}
