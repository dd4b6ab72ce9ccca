import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRepairTickets1795391328286 implements MigrationInterface {
  name = 'AddRepairTickets1795391328286';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "yearly_sequences" ("series" character varying(10) NOT NULL, "year" integer NOT NULL, "last_value" integer NOT NULL, CONSTRAINT "ck_yearly_sequences_last" CHECK ("last_value" > 0), CONSTRAINT "PK_e44a9eceb982564d0c04156e8e6" PRIMARY KEY ("series", "year"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "version" integer NOT NULL DEFAULT '1', "customer_id" uuid NOT NULL, "asset_id" uuid, "product_id" uuid NOT NULL, "serial_number" character varying(100), "fault" text NOT NULL, "channel" character varying(20) NOT NULL, "priority" character varying(10) NOT NULL, "contact_name" character varying(100), "contact_phone" character varying(40), "address" character varying(300), "region" character varying(100), "zone" character varying(20) NOT NULL, "warranty_status" character varying(20) NOT NULL, "warranty_end" date, "policy_version_id" uuid NOT NULL, "reported_at" TIMESTAMP WITH TIME ZONE NOT NULL, "response_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "on_site_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "planned_resolve_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolve_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "outlet_id" uuid, "technician_id" uuid, "dispatched_at" TIMESTAMP WITH TIME ZONE, "accepted_at" TIMESTAMP WITH TIME ZONE, "appointment_at" TIMESTAMP WITH TIME ZONE, "checked_in_at" TIMESTAMP WITH TIME ZONE, "diagnosed_at" TIMESTAMP WITH TIME ZONE, "cause" character varying(20), "diagnosis" text, "taken_back_at" TIMESTAMP WITH TIME ZONE, "taken_back_items" jsonb, "hold_reason" character varying(20), "held_since" TIMESTAMP WITH TIME ZONE, "held_from" character varying(20), "paused_ms" bigint NOT NULL DEFAULT '0', "resolved_at" TIMESTAMP WITH TIME ZONE, "outcome" text, "confirmed_by_name" character varying(100), "confirmed_at" TIMESTAMP WITH TIME ZONE, "signature_attachment_id" uuid, "charges" jsonb, "charge_total" numeric(12,2), "closed_at" TIMESTAMP WITH TIME ZONE, "cancelled_at" TIMESTAMP WITH TIME ZONE, "reopen_count" integer NOT NULL DEFAULT '0', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tickets_hold" CHECK (("status" = 'on_hold') = ("held_since" IS NOT NULL)), CONSTRAINT "ck_tickets_hold_reason" CHECK ("hold_reason" IS NULL OR "hold_reason" IN ('awaiting_parts','awaiting_customer','awaiting_vendor')), CONSTRAINT "ck_tickets_cause" CHECK ("cause" IS NULL OR "cause" IN ('product_fault','human_damage','wear','unknown')), CONSTRAINT "ck_tickets_warranty" CHECK ("warranty_status" IN ('in_warranty','out_of_warranty','unknown')), CONSTRAINT "ck_tickets_zone" CHECK ("zone" IN ('urban','suburban','rural')), CONSTRAINT "ck_tickets_priority" CHECK ("priority" IN ('low','normal','high','urgent')), CONSTRAINT "ck_tickets_channel" CHECK ("channel" IN ('phone','qr','web','walk_in','email')), CONSTRAINT "ck_tickets_status" CHECK ("status" IN ('reported','dispatched','accepted','on_site','diagnosed','taken_back','on_hold','resolved','closed','cancelled','reopened')), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tickets_number" ON "tickets" ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_tickets_reported_at" ON "tickets" ("reported_at") `);
    await queryRunner.query(`CREATE INDEX "ix_tickets_customer" ON "tickets" ("customer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_tickets_outlet" ON "tickets" ("outlet_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_tickets_technician_status" ON "tickets" ("technician_id", "status") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_tickets_status" ON "tickets" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "ticket_breaches" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "deadline" character varying(20) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_ticket_breaches_deadline" CHECK ("deadline" IN ('response','on_site','resolve')), CONSTRAINT "PK_83834ed8c0c35f0a797cbe04113" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ticket_breaches_deadline" ON "ticket_breaches" ("ticket_id", "deadline") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "ticket_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_6d0f4bc32cc3581d6a016bca30a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ticket_history_ticket" ON "ticket_history" ("ticket_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_holds" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "reason" character varying(20) NOT NULL, "note" character varying(500), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "started_by" uuid NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "ended_by" uuid, CONSTRAINT "ck_ticket_holds_span" CHECK ("ended_at" IS NULL OR "ended_at" >= "started_at"), CONSTRAINT "ck_ticket_holds_reason" CHECK ("reason" IN ('awaiting_parts','awaiting_customer','awaiting_vendor')), CONSTRAINT "PK_efdd1b02855c77637222da92395" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_ticket_holds_open" ON "ticket_holds" ("ticket_id") WHERE "ended_at" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ticket_holds_ticket" ON "ticket_holds" ("ticket_id", "started_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "ticket_work_logs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "ticket_id" uuid NOT NULL, "technician_id" uuid NOT NULL, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "description" text NOT NULL, "parts" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_ticket_work_logs_span" CHECK ("ended_at" >= "started_at"), CONSTRAINT "PK_948fd620693841649305b5badaf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_ticket_work_logs_ticket" ON "ticket_work_logs" ("ticket_id", "started_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_asset" FOREIGN KEY ("asset_id") REFERENCES "assets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_policy_version" FOREIGN KEY ("policy_version_id") REFERENCES "service_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_technician" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tickets" ADD CONSTRAINT "fk_tickets_signature" FOREIGN KEY ("signature_attachment_id") REFERENCES "attachments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_breaches" ADD CONSTRAINT "fk_ticket_breaches_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_history" ADD CONSTRAINT "fk_ticket_history_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_holds" ADD CONSTRAINT "fk_ticket_holds_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_work_logs" ADD CONSTRAINT "fk_ticket_work_logs_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "ticket_work_logs" ADD CONSTRAINT "fk_ticket_work_logs_technician" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "ticket_work_logs" DROP CONSTRAINT "fk_ticket_work_logs_technician"`,
    );
    await queryRunner.query(`ALTER TABLE "ticket_work_logs" DROP CONSTRAINT "fk_ticket_work_logs_ticket"`);
    await queryRunner.query(`ALTER TABLE "ticket_holds" DROP CONSTRAINT "fk_ticket_holds_ticket"`);
    await queryRunner.query(`ALTER TABLE "ticket_history" DROP CONSTRAINT "fk_ticket_history_ticket"`);
    await queryRunner.query(`ALTER TABLE "ticket_breaches" DROP CONSTRAINT "fk_ticket_breaches_ticket"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_signature"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_technician"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_outlet"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_policy_version"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_product"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_asset"`);
    await queryRunner.query(`ALTER TABLE "tickets" DROP CONSTRAINT "fk_tickets_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ticket_work_logs_ticket"`);
    await queryRunner.query(`DROP TABLE "ticket_work_logs"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ticket_holds_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ticket_holds_open"`);
    await queryRunner.query(`DROP TABLE "ticket_holds"`);
    await queryRunner.query(`DROP INDEX "public"."ix_ticket_history_ticket"`);
    await queryRunner.query(`DROP TABLE "ticket_history"`);
    await queryRunner.query(`DROP INDEX "public"."uq_ticket_breaches_deadline"`);
    await queryRunner.query(`DROP TABLE "ticket_breaches"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_technician_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_reported_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tickets_number"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP TABLE "yearly_sequences"`);
  }
}
