import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddComplaints1795410000000 implements MigrationInterface {
  name = 'AddComplaints1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "complaints" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "status" character varying(20) NOT NULL, "version" integer NOT NULL DEFAULT '1', "customer_id" uuid NOT NULL, "ticket_id" uuid, "outlet_id" uuid, "technician_id" uuid, "channel" character varying(20) NOT NULL, "category" character varying(20) NOT NULL, "severity" character varying(10) NOT NULL, "contact_name" character varying(100), "contact_phone" character varying(40), "description" text NOT NULL, "policy_version_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledge_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "resolve_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "acknowledged_at" TIMESTAMP WITH TIME ZONE, "acknowledgment_note" text, "investigation_started_at" TIMESTAMP WITH TIME ZONE, "investigation_note" text, "resolved_at" TIMESTAMP WITH TIME ZONE, "root_cause" text, "remedy" text, "corrective_action" text, "closed_at" TIMESTAMP WITH TIME ZONE, "customer_accepted" boolean, "closing_note" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_complaints_closed" CHECK (("status" = 'closed') = ("closed_at" IS NOT NULL AND "customer_accepted" IS NOT NULL)), CONSTRAINT "ck_complaints_resolved" CHECK (("status" IN ('resolved','closed')) = ("resolved_at" IS NOT NULL AND "root_cause" IS NOT NULL AND "remedy" IS NOT NULL AND "corrective_action" IS NOT NULL)), CONSTRAINT "ck_complaints_acknowledged" CHECK (("status" = 'received') = ("acknowledged_at" IS NULL)), CONSTRAINT "ck_complaints_severity" CHECK ("severity" IN ('normal','major')), CONSTRAINT "ck_complaints_category" CHECK ("category" IN ('attitude','quality','timeliness','charges','product','other')), CONSTRAINT "ck_complaints_channel" CHECK ("channel" IN ('phone','email','web','walk_in','follow_up','other')), CONSTRAINT "ck_complaints_status" CHECK ("status" IN ('received','acknowledged','investigating','resolved','closed')), CONSTRAINT "PK_4b7566a2a489c2cc7c12ed076ad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_complaints_number" ON "complaints" ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_complaints_received_at" ON "complaints" ("received_at") `);
    await queryRunner.query(`CREATE INDEX "ix_complaints_outlet" ON "complaints" ("outlet_id") `);
    await queryRunner.query(`CREATE INDEX "ix_complaints_ticket" ON "complaints" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "ix_complaints_customer" ON "complaints" ("customer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_complaints_status" ON "complaints" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "complaint_escalations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "complaint_id" uuid NOT NULL, "step" character varying(20) NOT NULL, "trigger" character varying(20) NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "escalated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "reason" character varying(500), "notified" integer NOT NULL, CONSTRAINT "ck_complaint_escalations_actor" CHECK (("trigger" = 'manual') = ("actor_id" IS NOT NULL AND "reason" IS NOT NULL)), CONSTRAINT "ck_complaint_escalations_trigger" CHECK ("trigger" IN ('deadline','manual')), CONSTRAINT "ck_complaint_escalations_step" CHECK ("step" IN ('acknowledge','resolve')), CONSTRAINT "PK_1764b4b5ee45c539cfdd537a1e4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_complaint_escalations_step" ON "complaint_escalations" ("complaint_id", "step") `,
    );
    await queryRunner.query(
      `CREATE TABLE "complaint_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "complaint_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_860e4f1500b2bc6320be01fd956" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_complaint_history_complaint" ON "complaint_history" ("complaint_id", "seq") `,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_technician" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaints" ADD CONSTRAINT "fk_complaints_policy_version" FOREIGN KEY ("policy_version_id") REFERENCES "service_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_escalations" ADD CONSTRAINT "fk_complaint_escalations_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_escalations" ADD CONSTRAINT "fk_complaint_escalations_actor" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_history" ADD CONSTRAINT "fk_complaint_history_complaint" FOREIGN KEY ("complaint_id") REFERENCES "complaints"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "complaint_history" DROP CONSTRAINT "fk_complaint_history_complaint"`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_escalations" DROP CONSTRAINT "fk_complaint_escalations_actor"`,
    );
    await queryRunner.query(
      `ALTER TABLE "complaint_escalations" DROP CONSTRAINT "fk_complaint_escalations_complaint"`,
    );
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_policy_version"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_technician"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_outlet"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_ticket"`);
    await queryRunner.query(`ALTER TABLE "complaints" DROP CONSTRAINT "fk_complaints_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaint_history_complaint"`);
    await queryRunner.query(`DROP TABLE "complaint_history"`);
    await queryRunner.query(`DROP INDEX "public"."uq_complaint_escalations_step"`);
    await queryRunner.query(`DROP TABLE "complaint_escalations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaints_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaints_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaints_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaints_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_complaints_received_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_complaints_number"`);
    await queryRunner.query(`DROP TABLE "complaints"`);
  }
}
