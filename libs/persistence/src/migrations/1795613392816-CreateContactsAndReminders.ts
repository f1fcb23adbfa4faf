import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contacts with their corrections, and reminders (the queue's source of truth). */

export class CreateContactsAndReminders1795613392816 implements MigrationInterface {
  name = 'CreateContactsAndReminders1795613392816';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "contacts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "family_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "kind" text NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "contact_made" boolean NOT NULL DEFAULT true,
                "duration_minutes" integer,
                "participant_ids" uuid array NOT NULL DEFAULT '{}',
                "summary" text NOT NULL,
                "needs" text array NOT NULL DEFAULT '{}',
                "actions_agreed" text,
                "next_follow_up_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_contacts_duration" CHECK (
                    duration_minutes IS NULL
                    OR duration_minutes BETWEEN 0 AND 1440
                ),
                CONSTRAINT "chk_contacts_kind" CHECK (
                    kind IN (
                        'home_visit',
                        'phone_call',
                        'office_visit',
                        'group_activity'
                    )
                ),
                CONSTRAINT "PK_b99cd40cfd66a99f1571f4f72e6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contacts_author" ON "contacts" ("author_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contacts_family_occurred" ON "contacts" ("family_id", "occurred_at", "id")
        `);
    await queryRunner.query(`
            CREATE TABLE "contact_corrections" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "contact_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "text" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_f748bdd57b9f9d6600cf7eab784" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_contact_corrections_contact" ON "contact_corrections" ("contact_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "reminders" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "kind" text NOT NULL,
                "family_id" uuid NOT NULL,
                "team_id" uuid NOT NULL,
                "assignee_id" uuid NOT NULL,
                "due_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "status" text NOT NULL,
                "escalated_at" TIMESTAMP WITH TIME ZONE,
                "done_at" TIMESTAMP WITH TIME ZONE,
                "done_by" uuid,
                "note" text,
                "informed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "chk_reminders_status" CHECK (
                    status IN (
                        'scheduled',
                        'due',
                        'done',
                        'escalated',
                        'cancelled'
                    )
                ),
                CONSTRAINT "chk_reminders_kind" CHECK (
                    kind IN (
                        'follow_up_contact',
                        'contact_retry',
                        'inactivity',
                        'referral_pending',
                        'family_notification',
                        'identification_support'
                    )
                ),
                CONSTRAINT "PK_38715fec7f634b72c6cf7ea4893" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reminders_open_due" ON "reminders" ("due_at")
            WHERE status IN ('scheduled', 'due')
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reminders_family_status" ON "reminders" ("family_id", "status")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reminders_team_status" ON "reminders" ("team_id", "status", "due_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_reminders_assignee" ON "reminders" ("assignee_id", "status", "due_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "contacts"
            ADD CONSTRAINT "FK_4b3a1b8157badb0e5d558ab920b" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contacts"
            ADD CONSTRAINT "FK_19fa7a185d7dc445658dde396d6" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contact_corrections"
            ADD CONSTRAINT "FK_55df21f7c166672fd8325c9849e" FOREIGN KEY ("contact_id") REFERENCES "contacts"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "contact_corrections"
            ADD CONSTRAINT "FK_f085228d2030d4db42b4b2fa9e9" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "FK_d56c959e06677af6f91de4b815b" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders"
            ADD CONSTRAINT "FK_92dbcb22299b76398e5c5ccf80e" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "FK_92dbcb22299b76398e5c5ccf80e"
        `);
    await queryRunner.query(`
            ALTER TABLE "reminders" DROP CONSTRAINT "FK_d56c959e06677af6f91de4b815b"
        `);
    await queryRunner.query(`
            ALTER TABLE "contact_corrections" DROP CONSTRAINT "FK_f085228d2030d4db42b4b2fa9e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "contact_corrections" DROP CONSTRAINT "FK_55df21f7c166672fd8325c9849e"
        `);
    await queryRunner.query(`
            ALTER TABLE "contacts" DROP CONSTRAINT "FK_19fa7a185d7dc445658dde396d6"
        `);
    await queryRunner.query(`
            ALTER TABLE "contacts" DROP CONSTRAINT "FK_4b3a1b8157badb0e5d558ab920b"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reminders_assignee"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reminders_team_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reminders_family_status"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_reminders_open_due"
        `);
    await queryRunner.query(`
            DROP TABLE "reminders"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contact_corrections_contact"
        `);
    await queryRunner.query(`
            DROP TABLE "contact_corrections"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contacts_family_occurred"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_contacts_author"
        `);
    await queryRunner.query(`
            DROP TABLE "contacts"
        `);
  }
}
