import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Families, members, missing persons with their history, reference counters, idempotency keys. */

export class CreateFamilies1795611560760 implements MigrationInterface {
  name = 'CreateFamilies1795611560760';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "idempotency_keys" (
                "user_id" uuid NOT NULL,
                "method" text NOT NULL,
                "path" text NOT NULL,
                "key" text NOT NULL,
                "request_hash" bytea NOT NULL,
                "response_status" integer,
                "response_body" jsonb,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7763aeb9f8d891431a214e7798f" PRIMARY KEY ("user_id", "method", "path", "key")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_idempotency_keys_created" ON "idempotency_keys" ("created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "families" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "reference" text NOT NULL,
                "team_id" uuid NOT NULL,
                "assigned_accompanier_id" uuid,
                "status" text NOT NULL,
                "closure_reason" text,
                "closure_note" text,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "preferred_language" text,
                "address" text,
                "consent" jsonb NOT NULL DEFAULT '{}',
                "created_by" uuid NOT NULL,
                CONSTRAINT "chk_families_closure" CHECK (
                    (status = 'closed') = (closure_reason IS NOT NULL)
                ),
                CONSTRAINT "chk_families_status" CHECK (
                    status IN ('open', 'active', 'on_hold', 'closed')
                ),
                CONSTRAINT "PK_70414ac0c8f45664cf71324b9bb" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_families_assignee_created" ON "families" ("assigned_accompanier_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_families_team_created" ON "families" ("team_id", "created_at", "id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_families_reference" ON "families" ("reference")
        `);
    await queryRunner.query(`
            CREATE TABLE "family_members" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "family_id" uuid NOT NULL,
                "full_name" text NOT NULL,
                "other_names" text array NOT NULL DEFAULT '{}',
                "search_text" text NOT NULL,
                "sex" text NOT NULL,
                "birth_date" date,
                "birth_year" integer,
                "relationship" text NOT NULL,
                "is_contact_person" boolean NOT NULL DEFAULT false,
                "phone" text,
                CONSTRAINT "chk_family_members_birth_year" CHECK (
                    birth_year IS NULL
                    OR birth_year BETWEEN 1900 AND 2100
                ),
                CONSTRAINT "PK_186da7c7fcbf23775fdd888a747" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_family_members_family" ON "family_members" ("family_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "missing_persons" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "full_name" text NOT NULL,
                "other_names" text array NOT NULL DEFAULT '{}',
                "search_text" text NOT NULL,
                "sex" text NOT NULL,
                "birth_date" date,
                "disappeared_on" date,
                "disappearance_place" text,
                "circumstances" text,
                "external_references" jsonb NOT NULL DEFAULT '[]',
                "status" text NOT NULL,
                CONSTRAINT "chk_missing_persons_status" CHECK (
                    status IN (
                        'missing',
                        'remains_recovered',
                        'identified_deceased',
                        'found_alive',
                        'closed'
                    )
                ),
                CONSTRAINT "PK_89b8e155b47aa3b966354691a85" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "family_missing_persons" (
                "family_id" uuid NOT NULL,
                "missing_person_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_187bf44779e7d52252c1739ac6e" PRIMARY KEY ("family_id", "missing_person_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_family_missing_persons_person" ON "family_missing_persons" ("missing_person_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "family_reference_counters" (
                "year" integer NOT NULL,
                "last_number" integer NOT NULL,
                CONSTRAINT "PK_dd866255057d91a511b7e3374b0" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "missing_person_status_changes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "missing_person_id" uuid NOT NULL,
                "from_status" text,
                "to_status" text NOT NULL,
                "reason" text NOT NULL,
                "changed_by" uuid NOT NULL,
                "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_a7774d99e4f25b3b321a56ea3b6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_mp_status_changes_person" ON "missing_person_status_changes" ("missing_person_id", "changed_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "families"
            ADD CONSTRAINT "FK_7461ded17e0fc6970e4a87c73dd" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "families"
            ADD CONSTRAINT "FK_395214e3b8ad19727364d880444" FOREIGN KEY ("assigned_accompanier_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "families"
            ADD CONSTRAINT "FK_476485fe38f43a2dd6787146844" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "family_members"
            ADD CONSTRAINT "FK_0bb82eed69c26581e0884653814" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "family_missing_persons"
            ADD CONSTRAINT "FK_5f2b851b070f7d7b145a722d056" FOREIGN KEY ("family_id") REFERENCES "families"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "family_missing_persons"
            ADD CONSTRAINT "FK_9ee3618ab5cb2050e2d2941f38c" FOREIGN KEY ("missing_person_id") REFERENCES "missing_persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "missing_person_status_changes"
            ADD CONSTRAINT "FK_6e69664bce762d2123badc6387c" FOREIGN KEY ("missing_person_id") REFERENCES "missing_persons"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "missing_person_status_changes"
            ADD CONSTRAINT "FK_3896224e6f8c95ce66580892044" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);

    // Case- and accent-insensitive name search (`q`) over the normalised spellings.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `CREATE INDEX "idx_family_members_search" ON "family_members" USING gin ("search_text" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "idx_missing_persons_search" ON "missing_persons" USING gin ("search_text" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."idx_missing_persons_search"`);
    await queryRunner.query(`DROP INDEX "public"."idx_family_members_search"`);
    await queryRunner.query(`
            ALTER TABLE "missing_person_status_changes" DROP CONSTRAINT "FK_3896224e6f8c95ce66580892044"
        `);
    await queryRunner.query(`
            ALTER TABLE "missing_person_status_changes" DROP CONSTRAINT "FK_6e69664bce762d2123badc6387c"
        `);
    await queryRunner.query(`
            ALTER TABLE "family_missing_persons" DROP CONSTRAINT "FK_9ee3618ab5cb2050e2d2941f38c"
        `);
    await queryRunner.query(`
            ALTER TABLE "family_missing_persons" DROP CONSTRAINT "FK_5f2b851b070f7d7b145a722d056"
        `);
    await queryRunner.query(`
            ALTER TABLE "family_members" DROP CONSTRAINT "FK_0bb82eed69c26581e0884653814"
        `);
    await queryRunner.query(`
            ALTER TABLE "families" DROP CONSTRAINT "FK_476485fe38f43a2dd6787146844"
        `);
    await queryRunner.query(`
            ALTER TABLE "families" DROP CONSTRAINT "FK_395214e3b8ad19727364d880444"
        `);
    await queryRunner.query(`
            ALTER TABLE "families" DROP CONSTRAINT "FK_7461ded17e0fc6970e4a87c73dd"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_mp_status_changes_person"
        `);
    await queryRunner.query(`
            DROP TABLE "missing_person_status_changes"
        `);
    await queryRunner.query(`
            DROP TABLE "family_reference_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_family_missing_persons_person"
        `);
    await queryRunner.query(`
            DROP TABLE "family_missing_persons"
        `);
    await queryRunner.query(`
            DROP TABLE "missing_persons"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_family_members_family"
        `);
    await queryRunner.query(`
            DROP TABLE "family_members"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."uq_families_reference"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_families_team_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_families_assignee_created"
        `);
    await queryRunner.query(`
            DROP TABLE "families"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_idempotency_keys_created"
        `);
    await queryRunner.query(`
            DROP TABLE "idempotency_keys"
        `);
  }
}
