import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders name the contact that planned them (so correcting a contact re-plans exactly what
 * it planned), and the reminder sweep's last success is kept in PostgreSQL, where a Redis
 * flush cannot take it away.
 */
export class ReminderSourcesAndSweeps1796405556216 implements MigrationInterface {
  name = 'ReminderSourcesAndSweeps1796405556216';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "reminder_sweeps" (
                "name" text NOT NULL,
                "last_success_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                CONSTRAINT "PK_6aca11cfa5d56179b78a3043881" PRIMARY KEY ("name")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD "source_contact_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "FK_ae05ea5f2132efaac470bdbb476" FOREIGN KEY ("source_contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // Follow-ups and retries written before this column were planned by the family's latest
    // contact at the time (the listener writes them in that contact's transaction).
    await queryRunner.query(`
            UPDATE "reminders" r
               SET "source_contact_id" = (
                   SELECT c."id" FROM "contacts" c
                    WHERE c."family_id" = r."family_id" AND c."created_at" <= r."created_at"
                    ORDER BY c."created_at" DESC, c."id" DESC
                    LIMIT 1)
             WHERE r."kind" IN ('follow_up_contact', 'contact_retry')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "FK_ae05ea5f2132efaac470bdbb476"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP COLUMN "source_contact_id"
        `);
    await queryRunner.query(`
            DROP TABLE "reminder_sweeps"
        `);
  }
}
