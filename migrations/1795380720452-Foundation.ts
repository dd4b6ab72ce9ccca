import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795380720452 implements MigrationInterface {
  name = 'Foundation1795380720452';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("seq" bigint NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "actor_name" character varying(64), "action" character varying(64) NOT NULL, "entity_type" character varying(64) NOT NULL, "entity_id" character varying(64), "changes" jsonb NOT NULL DEFAULT '{}', "request_id" character varying(64), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_log_at" ON "audit_log" ("at") `);
    await queryRunner.query(`CREATE INDEX "ix_audit_log_actor" ON "audit_log" ("actor_id", "seq") `);
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_entity" ON "audit_log" ("entity_type", "entity_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(64) NOT NULL, "display_name" character varying(100) NOT NULL, "email" character varying(200), "password_hash" character varying(100) NOT NULL, "roles" text array NOT NULL, "outlet_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "failed_login_count" integer NOT NULL DEFAULT '0', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_users_username" CHECK (username = lower(username)), CONSTRAINT "ck_users_roles" CHECK (cardinality(roles) > 0 AND roles <@ ARRAY['agent', 'dispatcher', 'technician', 'returns_clerk', 'manager', 'auditor', 'admin']::text[]), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username") `);
    await queryRunner.query(
      `CREATE TABLE "messages" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "channel" character varying(16) NOT NULL DEFAULT 'email', "recipient" character varying(200) NOT NULL, "subject" character varying(300) NOT NULL, "body" text NOT NULL, "template" character varying(64) NOT NULL, "language" character varying(8) NOT NULL DEFAULT 'zh', "related_type" character varying(64), "related_id" character varying(64), "status" character varying(16) NOT NULL DEFAULT 'queued', "attempts" integer NOT NULL DEFAULT '0', "sent_at" TIMESTAMP WITH TIME ZONE, "error" text, "transport_id" character varying(300), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_messages_status" CHECK (status IN ('queued', 'sent', 'failed')), CONSTRAINT "PK_18325f38ae6de43878487eff986" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_messages_created" ON "messages" ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_messages_related" ON "messages" ("related_type", "related_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "topic" character varying(64) NOT NULL, "payload" jsonb NOT NULL, "request_id" character varying(64), "run_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "dispatch_attempts" integer NOT NULL DEFAULT '0', "last_error" text, "next_attempt_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_pending" ON "outbox" ("id") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outbox_created" ON "outbox" ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "processed_events" ("consumer" character varying(64) NOT NULL, "outbox_id" bigint NOT NULL, "status" character varying(32) NOT NULL DEFAULT 'done', "processed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8caa2d11ebeaad5aa4a0c973c2a" PRIMARY KEY ("consumer", "outbox_id"))`,
    );
    // The audit trail is append-only at the database level, whatever the application does.
    await queryRunner.query(`CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "processed_events"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_pending"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."ix_messages_related"`);
    await queryRunner.query(`DROP INDEX "public"."ix_messages_created"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_username"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_entity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_at"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP FUNCTION audit_log_refuse_change()`);
  }
}
