import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, teams, sessions, login throttling and the append-only audit log. */

export class CreatePlatform1795610752964 implements MigrationInterface {
  name = 'CreatePlatform1795610752964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_events" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "sequence" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "actor_id" uuid,
                "actor_role" text,
                "team_id" uuid,
                "action" text NOT NULL,
                "entity_type" text NOT NULL,
                "entity_id" uuid,
                "family_id" uuid,
                "request_id" text,
                "ip" text,
                "changed_fields" text array NOT NULL DEFAULT '{}',
                "previous_hash" bytea,
                "hash" bytea,
                "sealed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_f56d97c399750ed8e6a6fd3023b" UNIQUE ("sequence"),
                CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_team" ON "audit_events" ("team_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_family" ON "audit_events" ("family_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_actor" ON "audit_events" ("actor_id", "occurred_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_audit_events_entity" ON "audit_events" ("entity_type", "entity_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "teams" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "name" text NOT NULL,
                "region" text,
                CONSTRAINT "PK_7e5523774a38b08a6236d322403" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "version" integer NOT NULL,
                "email" text NOT NULL,
                "full_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" text NOT NULL,
                "team_id" uuid,
                "active" boolean NOT NULL DEFAULT true,
                "password_changed_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"),
                CONSTRAINT "chk_users_team_unless_admin" CHECK ((role = 'admin') = (team_id IS NULL)),
                CONSTRAINT "chk_users_role" CHECK (
                    role IN (
                        'admin',
                        'supervisor',
                        'accompanier',
                        'psychologist'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_users_team_role" ON "users" ("team_id", "role")
        `);
    await queryRunner.query(`
            CREATE TABLE "auth_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                "revoked_reason" text,
                CONSTRAINT "PK_641507381f32580e8479efc36cd" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_auth_sessions_user" ON "auth_sessions" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "login_throttles" (
                "account_key" bytea NOT NULL,
                "attempts" integer NOT NULL,
                "window_started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "locked_until" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_a9b8bfe197bed95f4153a320717" PRIMARY KEY ("account_key")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "refresh_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "session_id" uuid NOT NULL,
                "token_hash" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "UQ_a7838d2ba25be1342091b6695f1" UNIQUE ("token_hash"),
                CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "idx_refresh_tokens_session" ON "refresh_tokens" ("session_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_1208ee1db5ddb64b48a86b46a61" FOREIGN KEY ("team_id") REFERENCES "teams"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions"
            ADD CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4" FOREIGN KEY ("session_id") REFERENCES "auth_sessions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);

    // Team names are unique regardless of case.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_teams_name" ON "teams" (lower("name"))`);
    // The audit log is append-only: rows are never deleted, and the only update allowed
    // is sealing (filling the hash-chain columns once).
    await queryRunner.query(`
            CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'DELETE' THEN
                    RAISE EXCEPTION 'audit_events is append-only';
                END IF;
                IF OLD.sealed_at IS NOT NULL
                   OR (to_jsonb(NEW) - 'previous_hash' - 'hash' - 'sealed_at')
                      IS DISTINCT FROM (to_jsonb(OLD) - 'previous_hash' - 'hash' - 'sealed_at') THEN
                    RAISE EXCEPTION 'audit_events rows cannot be changed';
                END IF;
                RETURN NEW;
            END;
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "trg_audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
            FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "trg_audit_events_append_only" ON "audit_events"`);
    await queryRunner.query(`DROP FUNCTION audit_events_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."uq_teams_name"`);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3bf308fa93da3966f9e76fcfba4"
        `);
    await queryRunner.query(`
            ALTER TABLE "auth_sessions" DROP CONSTRAINT "FK_50ccaa6440288a06f0ba693ccc6"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_1208ee1db5ddb64b48a86b46a61"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_refresh_tokens_session"
        `);
    await queryRunner.query(`
            DROP TABLE "refresh_tokens"
        `);
    await queryRunner.query(`
            DROP TABLE "login_throttles"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_auth_sessions_user"
        `);
    await queryRunner.query(`
            DROP TABLE "auth_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_users_team_role"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP TABLE "teams"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_entity"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_actor"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_family"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."idx_audit_events_team"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_events"
        `);
  }
}
