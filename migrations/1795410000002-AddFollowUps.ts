import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddFollowUps1795410000002 implements MigrationInterface {
  name = 'AddFollowUps1795410000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // The ticket action close_after_follow_up (21 characters) did not fit the timeline's column; widened in place.
    await queryRunner.query(`ALTER TABLE "ticket_history" ALTER COLUMN "action" TYPE character varying(40)`);
    await queryRunner.query(
      `CREATE TABLE "follow_ups" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "kind" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "version" integer NOT NULL DEFAULT '1', "ticket_id" uuid, "ticket_resolved_at" TIMESTAMP WITH TIME ZONE, "customer_id" uuid NOT NULL, "asset_id" uuid, "outlet_id" uuid, "policy_version_id" uuid, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "every_months" integer, "previous_id" uuid, "note" text, "assignee_id" uuid, "attempt_count" integer NOT NULL DEFAULT '0', "method" character varying(10), "contacted_at" TIMESTAMP WITH TIME ZONE, "satisfied" boolean, "score" smallint, "comments" text, "findings" text, "problem_action" character varying(20), "complaint_id" uuid, "complaint_number" character varying(20), "opened_ticket_id" uuid, "completed_at" TIMESTAMP WITH TIME ZONE, "completed_by" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "cancel_reason" character varying(500), "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_follow_ups_attempts" CHECK ("attempt_count" >= 0), CONSTRAINT "ck_follow_ups_every_months" CHECK ("every_months" IS NULL OR ("kind" = 'inspection' AND "every_months" BETWEEN 1 AND 120)), CONSTRAINT "ck_follow_ups_ticket" CHECK ("kind" <> 'follow_up' OR ("ticket_id" IS NOT NULL AND "ticket_resolved_at" IS NOT NULL)), CONSTRAINT "ck_follow_ups_score" CHECK ("score" IS NULL OR "score" BETWEEN 1 AND 5), CONSTRAINT "ck_follow_ups_problem_action" CHECK ("problem_action" IS NULL OR "problem_action" IN ('reopen_ticket','open_complaint','none')), CONSTRAINT "ck_follow_ups_method" CHECK ("method" IS NULL OR "method" IN ('phone','sms','email','visit')), CONSTRAINT "ck_follow_ups_status" CHECK ("status" IN ('pending','completed','unreachable','cancelled')), CONSTRAINT "ck_follow_ups_kind" CHECK ("kind" IN ('follow_up','inspection')), CONSTRAINT "PK_d510aabdff2ec7fdc67a1092157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_follow_ups_number" ON "follow_ups" ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_complaint" ON "follow_ups" ("complaint_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_follow_ups_opened_ticket" ON "follow_ups" ("opened_ticket_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_assignee" ON "follow_ups" ("assignee_id") `);
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_outlet" ON "follow_ups" ("outlet_id") `);
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_asset" ON "follow_ups" ("asset_id") `);
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_customer" ON "follow_ups" ("customer_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_follow_ups_resolved_at" ON "follow_ups" ("ticket_resolved_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_kind_due" ON "follow_ups" ("kind", "due_at") `);
    await queryRunner.query(`CREATE INDEX "ix_follow_ups_status_due" ON "follow_ups" ("status", "due_at") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_follow_ups_previous" ON "follow_ups" ("previous_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_follow_ups_resolution" ON "follow_ups" ("ticket_id", "ticket_resolved_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_attempts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "follow_up_id" uuid NOT NULL, "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL, "method" character varying(10) NOT NULL, "note" character varying(500), "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_follow_up_attempts_method" CHECK ("method" IN ('phone','sms','email','visit')), CONSTRAINT "PK_e151287677a92bfb6cea09455ec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_follow_up_attempts_follow_up" ON "follow_up_attempts" ("follow_up_id", "attempted_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "follow_up_digests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "day" date NOT NULL, "recipient_id" uuid NOT NULL, "overdue_count" integer NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9020aa61f3b8c7459777ca45538" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_follow_up_digests_day_recipient" ON "follow_up_digests" ("day", "recipient_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_asset" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_policy_version" FOREIGN KEY ("policy_version_id") REFERENCES "service_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_previous" FOREIGN KEY ("previous_id") REFERENCES "follow_ups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_assignee" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_opened_ticket" FOREIGN KEY ("opened_ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_completed_by" FOREIGN KEY ("completed_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_ups" ADD CONSTRAINT "fk_follow_ups_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_attempts" ADD CONSTRAINT "fk_follow_up_attempts_follow_up" FOREIGN KEY ("follow_up_id") REFERENCES "follow_ups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_attempts" ADD CONSTRAINT "fk_follow_up_attempts_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_digests" ADD CONSTRAINT "fk_follow_up_digests_recipient" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "follow_up_digests" DROP CONSTRAINT "fk_follow_up_digests_recipient"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_attempts" DROP CONSTRAINT "fk_follow_up_attempts_recorded_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "follow_up_attempts" DROP CONSTRAINT "fk_follow_up_attempts_follow_up"`,
    );
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_created_by"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_completed_by"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_opened_ticket"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_complaint"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_assignee"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_previous"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_policy_version"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_outlet"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_asset"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_customer"`);
    await queryRunner.query(`ALTER TABLE "follow_ups" DROP CONSTRAINT "fk_follow_ups_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."uq_follow_up_digests_day_recipient"`);
    await queryRunner.query(`DROP TABLE "follow_up_digests"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_up_attempts_follow_up"`);
    await queryRunner.query(`DROP TABLE "follow_up_attempts"`);
    await queryRunner.query(`DROP INDEX "public"."uq_follow_ups_resolution"`);
    await queryRunner.query(`DROP INDEX "public"."uq_follow_ups_previous"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_status_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_kind_due"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_resolved_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_asset"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_assignee"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_opened_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."ix_follow_ups_complaint"`);
    await queryRunner.query(`DROP INDEX "public"."uq_follow_ups_number"`);
    await queryRunner.query(`DROP TABLE "follow_ups"`);
    await queryRunner.query(`ALTER TABLE "ticket_history" ALTER COLUMN "action" TYPE character varying(20)`);
  }
}
