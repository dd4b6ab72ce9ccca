import { MigrationInterface, QueryRunner } from 'typeorm';

/** Returned goods: records, their items, timeline and chases; messages may be phone notices too. */
export class AddReturns1795410000001 implements MigrationInterface {
  name = 'AddReturns1795410000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "returns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "number" character varying(20) NOT NULL, "status" character varying(30) NOT NULL, "version" integer NOT NULL DEFAULT '1', "kind" character varying(10) NOT NULL, "urgent" boolean NOT NULL DEFAULT false, "customer_id" uuid NOT NULL, "ticket_id" uuid, "outlet_id" uuid, "fault" text NOT NULL, "policy_version_id" uuid NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "received_by" uuid NOT NULL, "notice_due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "inspected_at" TIMESTAMP WITH TIME ZONE, "finding" character varying(20), "inspection_note" text, "registered_at" TIMESTAMP WITH TIME ZONE, "handed_over_by" character varying(100), "registered_by" uuid, "registered_by_name" character varying(100), "supplier_id" uuid, "carrier" character varying(100), "tracking_number" character varying(100), "shipped_at" TIMESTAMP WITH TIME ZONE, "chase_interval_days" integer, "next_chase_due_at" TIMESTAMP WITH TIME ZONE, "last_chased_at" TIMESTAMP WITH TIME ZONE, "chase_count" integer NOT NULL DEFAULT '0', "back_at" TIMESTAMP WITH TIME ZONE, "vendor_outcome" character varying(20), "vendor_note" text, "replacement_serial_number" character varying(100), "returned_at" TIMESTAMP WITH TIME ZONE, "return_method" character varying(20), "returned_to_name" character varying(100), "refunded_at" TIMESTAMP WITH TIME ZONE, "refund_amount" numeric(12,2), "scrapped_on" date, "scrapped_at" TIMESTAMP WITH TIME ZONE, "scrap_method" character varying(20), "recycler" character varying(200), "settled_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "notice_sent_at" TIMESTAMP WITH TIME ZONE, "notice_channel" character varying(10), "notice_message_id" uuid, "notice_called_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_returns_refund_amount" CHECK ("refund_amount" IS NULL OR "refund_amount" >= 0), CONSTRAINT "ck_returns_at_vendor" CHECK (("status" = 'shipped_to_vendor') = ("next_chase_due_at" IS NOT NULL) AND ("status" <> 'shipped_to_vendor' OR "supplier_id" IS NOT NULL)), CONSTRAINT "ck_returns_notice_channel" CHECK ("notice_channel" IS NULL OR "notice_channel" IN ('email','phone')), CONSTRAINT "ck_returns_scrap_method" CHECK ("scrap_method" IS NULL OR "scrap_method" IN ('recycling','dismantling','destruction')), CONSTRAINT "ck_returns_return_method" CHECK ("return_method" IS NULL OR "return_method" IN ('pickup','delivery','courier')), CONSTRAINT "ck_returns_vendor_outcome" CHECK ("vendor_outcome" IS NULL OR "vendor_outcome" IN ('repaired','replaced','rejected')), CONSTRAINT "ck_returns_finding" CHECK ("finding" IS NULL OR "finding" IN ('product_fault','human_damage','no_fault_found')), CONSTRAINT "ck_returns_kind" CHECK ("kind" IN ('repair','exchange','refund')), CONSTRAINT "ck_returns_status" CHECK ("status" IN ('received','inspected','registered','shipped_to_vendor','back_from_vendor','returned_to_customer','closed','scrapped','refunded')), CONSTRAINT "PK_27a2f1895a71519ebfec7850361" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_returns_number" ON "returns" ("number") `);
    await queryRunner.query(
      `CREATE INDEX "ix_returns_notice_due" ON "returns" ("notice_due_at") WHERE "settled_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "ix_returns_received_at" ON "returns" ("received_at") `);
    await queryRunner.query(`CREATE INDEX "ix_returns_supplier" ON "returns" ("supplier_id") `);
    await queryRunner.query(`CREATE INDEX "ix_returns_outlet" ON "returns" ("outlet_id") `);
    await queryRunner.query(`CREATE INDEX "ix_returns_ticket" ON "returns" ("ticket_id") `);
    await queryRunner.query(`CREATE INDEX "ix_returns_customer" ON "returns" ("customer_id") `);
    await queryRunner.query(`CREATE INDEX "ix_returns_status" ON "returns" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "return_chases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "supplier_id" uuid NOT NULL, "chased_at" TIMESTAMP WITH TIME ZONE NOT NULL, "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "chased_by" uuid NOT NULL, "chased_by_name" character varying(100) NOT NULL, "contact" character varying(200), "note" text NOT NULL, "expected_back_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ed720e0e635b96622230f390f7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_return_chases_return" ON "return_chases" ("return_id", "chased_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "return_history" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "return_id" uuid NOT NULL, "action" character varying(30) NOT NULL, "from_status" character varying(30), "to_status" character varying(30) NOT NULL, "actor_id" uuid, "actor_name" character varying(100), "at" TIMESTAMP WITH TIME ZONE NOT NULL, "reason" character varying(500), "details" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_923bc3169df2d68d4a546f7b831" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_return_history_return" ON "return_history" ("return_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "return_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "return_id" uuid NOT NULL, "line" integer NOT NULL, "label_code" character varying(30) NOT NULL, "product_id" uuid NOT NULL, "description" character varying(300) NOT NULL, "serial_number" character varying(100), "condition" character varying(300), "accessories" character varying(300), CONSTRAINT "PK_6e6c1db00d31ab59c1bc22f6cb9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_return_items_label" ON "return_items" ("label_code") `);
    await queryRunner.query(`CREATE INDEX "ix_return_items_serial" ON "return_items" ("serial_number") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_return_items_line" ON "return_items" ("return_id", "line") `,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_policy_version" FOREIGN KEY ("policy_version_id") REFERENCES "service_policies"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_received_by" FOREIGN KEY ("received_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_registered_by" FOREIGN KEY ("registered_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "returns" ADD CONSTRAINT "fk_returns_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_chases" ADD CONSTRAINT "fk_return_chases_return" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_chases" ADD CONSTRAINT "fk_return_chases_supplier" FOREIGN KEY ("supplier_id") REFERENCES "suppliers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_chases" ADD CONSTRAINT "fk_return_chases_chased_by" FOREIGN KEY ("chased_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_history" ADD CONSTRAINT "fk_return_history_return" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_items" ADD CONSTRAINT "fk_return_items_return" FOREIGN KEY ("return_id") REFERENCES "returns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "return_items" ADD CONSTRAINT "fk_return_items_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "ck_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "ck_messages_status" CHECK (status IN ('queued', 'sent', 'failed', 'to_call', 'called'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "messages" WHERE "status" IN ('to_call', 'called')`);
    await queryRunner.query(`ALTER TABLE "messages" DROP CONSTRAINT "ck_messages_status"`);
    await queryRunner.query(
      `ALTER TABLE "messages" ADD CONSTRAINT "ck_messages_status" CHECK (status IN ('queued', 'sent', 'failed'))`,
    );
    await queryRunner.query(`ALTER TABLE "return_items" DROP CONSTRAINT "fk_return_items_product"`);
    await queryRunner.query(`ALTER TABLE "return_items" DROP CONSTRAINT "fk_return_items_return"`);
    await queryRunner.query(`ALTER TABLE "return_history" DROP CONSTRAINT "fk_return_history_return"`);
    await queryRunner.query(`ALTER TABLE "return_chases" DROP CONSTRAINT "fk_return_chases_chased_by"`);
    await queryRunner.query(`ALTER TABLE "return_chases" DROP CONSTRAINT "fk_return_chases_supplier"`);
    await queryRunner.query(`ALTER TABLE "return_chases" DROP CONSTRAINT "fk_return_chases_return"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_supplier"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_registered_by"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_received_by"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_policy_version"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_outlet"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_ticket"`);
    await queryRunner.query(`ALTER TABLE "returns" DROP CONSTRAINT "fk_returns_customer"`);
    await queryRunner.query(`DROP INDEX "public"."uq_return_items_line"`);
    await queryRunner.query(`DROP INDEX "public"."ix_return_items_serial"`);
    await queryRunner.query(`DROP INDEX "public"."uq_return_items_label"`);
    await queryRunner.query(`DROP TABLE "return_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_return_history_return"`);
    await queryRunner.query(`DROP TABLE "return_history"`);
    await queryRunner.query(`DROP INDEX "public"."ix_return_chases_return"`);
    await queryRunner.query(`DROP TABLE "return_chases"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_supplier"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_received_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_returns_notice_due"`);
    await queryRunner.query(`DROP INDEX "public"."uq_returns_number"`);
    await queryRunner.query(`DROP TABLE "returns"`);
  }
}
