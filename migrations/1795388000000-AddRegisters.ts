import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRegisters1795388000000 implements MigrationInterface {
  name = 'AddRegisters1795388000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "products" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sku" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "category" character varying(100) NOT NULL, "brand" character varying(100), "model" character varying(100), "warranty_months" integer NOT NULL, CONSTRAINT "ck_products_warranty_months" CHECK (warranty_months >= 0 AND warranty_months <= 240), CONSTRAINT "PK_0806c755e0aca124e67c0cf6d7d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_products_sku" ON "products" ("sku") `);
    await queryRunner.query(`CREATE INDEX "ix_products_category" ON "products" ("category") `);
    await queryRunner.query(
      `CREATE TABLE "outlets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'proposed', "address" character varying(300), "region" character varying(100), "coverage_regions" text array NOT NULL DEFAULT '{}', "phone" character varying(40), "manager_name" character varying(100), "approved_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "agreement_number" character varying(100), "agreement_valid_from" date, "agreement_valid_until" date, "licence_number" character varying(100), "licence_valid_until" date, CONSTRAINT "ck_outlets_agreement_dates" CHECK (agreement_valid_until IS NULL OR agreement_valid_from IS NULL OR agreement_valid_until >= agreement_valid_from), CONSTRAINT "ck_outlets_status" CHECK (status IN ('proposed', 'approved', 'active', 'suspended', 'closed')), CONSTRAINT "ck_outlets_kind" CHECK (kind IN ('own', 'outsourced')), CONSTRAINT "PK_4f218ad1778c5c01d7bf77bab02" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_outlets_code" ON "outlets" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_outlets_status" ON "outlets" ("status") `);
    await queryRunner.query(
      `CREATE TABLE "customers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "kind" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "phone" character varying(40), "email" character varying(200), "contacts" jsonb NOT NULL DEFAULT '[]', "national_id_cipher" text, "national_id_last4" character varying(4), "address" character varying(300), "region" character varying(100), "zone" character varying(20) NOT NULL DEFAULT 'urban', "outlet_id" uuid, "notes" text, CONSTRAINT "ck_customers_zone" CHECK (zone IN ('urban', 'suburban', 'rural')), CONSTRAINT "ck_customers_kind" CHECK (kind IN ('person', 'company')), CONSTRAINT "PK_133ec679a801fab5e070f73d3ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_customers_code" ON "customers" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_customers_outlet" ON "customers" ("outlet_id") `);
    await queryRunner.query(`CREATE INDEX "ix_customers_phone" ON "customers" ("phone") `);
    await queryRunner.query(`CREATE INDEX "ix_customers_name" ON "customers" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "assets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "serial_number" character varying(100) NOT NULL, "product_id" uuid NOT NULL, "customer_id" uuid NOT NULL, "sold_on" date NOT NULL, "delivered_on" date, "accepted_on" date, "installed_on" date, "installed_by" character varying(100), "installation_notes" text, "commissioning_notes" text, "installation_address" character varying(300), "standard_warranty_end" date NOT NULL, "warranty_end_override" date, "warranty_override_reason" character varying(500), CONSTRAINT "PK_da96729a8b113377cfb6a62439c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_assets_serial_number" ON "assets" ("serial_number") `);
    await queryRunner.query(`CREATE INDEX "ix_assets_product" ON "assets" ("product_id") `);
    await queryRunner.query(`CREATE INDEX "ix_assets_customer" ON "assets" ("customer_id") `);
    await queryRunner.query(
      `CREATE TABLE "attachments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_type" character varying(40) NOT NULL, "owner_id" uuid NOT NULL, "purpose" character varying(40), "file_name" character varying(255) NOT NULL, "content_type" character varying(100) NOT NULL, "size_bytes" bigint NOT NULL, "sha256" character(64) NOT NULL, "storage_key" character varying(200) NOT NULL, "uploaded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_attachments_sha256" CHECK (sha256 ~ '^[0-9a-f]{64}$'), CONSTRAINT "ck_attachments_size" CHECK (size_bytes >= 0), CONSTRAINT "PK_5e1f050bcff31e3084a1d662412" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_attachments_storage_key" ON "attachments" ("storage_key") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_attachments_owner" ON "attachments" ("owner_type", "owner_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "parts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(64) NOT NULL, "name" character varying(200) NOT NULL, "product_category" character varying(100) NOT NULL, "unit" character varying(20) NOT NULL DEFAULT '个', "unit_price" numeric(12,2) NOT NULL, "labour_fee" numeric(12,2) NOT NULL DEFAULT '0', CONSTRAINT "ck_parts_amounts" CHECK (unit_price >= 0 AND labour_fee >= 0), CONSTRAINT "PK_daa5595bb8933f49ac00c9ebc79" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_parts_code" ON "parts" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_parts_category" ON "parts" ("product_category") `);
    await queryRunner.query(
      `CREATE TABLE "outlet_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outlet_id" uuid NOT NULL, "year" integer NOT NULL, "reviewed_on" date NOT NULL, "reviewer" character varying(100) NOT NULL, "score" numeric(5,1) NOT NULL, "findings" text NOT NULL, "conclusion" character varying(500), CONSTRAINT "ck_outlet_reviews_score" CHECK (score >= 0 AND score <= 100), CONSTRAINT "PK_6238899025bb1a10999de287158" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_outlet_reviews_year" ON "outlet_reviews" ("outlet_id", "year") `,
    );
    await queryRunner.query(
      `CREATE TABLE "outlet_staff" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outlet_id" uuid NOT NULL, "name" character varying(100) NOT NULL, "phone" character varying(40), "training" character varying(200), "certificate_number" character varying(100), "certificate_valid_until" date, CONSTRAINT "PK_68df3e1946db5c2dbab29faed4c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_outlet_staff_outlet" ON "outlet_staff" ("outlet_id") `);
    await queryRunner.query(
      `CREATE TABLE "outlet_status_changes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "outlet_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "from_status" character varying(20) NOT NULL, "to_status" character varying(20) NOT NULL, "reason" character varying(500) NOT NULL, "actor_id" uuid NOT NULL, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5149101a50cfdacb0a662e839f0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_outlet_status_changes_outlet" ON "outlet_status_changes" ("outlet_id", "changed_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "rectification_actions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "review_id" uuid NOT NULL, "description" character varying(1000) NOT NULL, "responsible" character varying(100), "due_on" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'open', "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by" uuid, "closure_note" character varying(1000), CONSTRAINT "ck_rectification_actions_closed" CHECK ((status = 'closed') = (closed_at IS NOT NULL)), CONSTRAINT "ck_rectification_actions_status" CHECK (status IN ('open', 'closed')), CONSTRAINT "PK_66a5dc8a00d07ed2e2e3049445b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rectification_actions_open" ON "rectification_actions" ("status", "due_on") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_rectification_actions_review" ON "rectification_actions" ("review_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "service_policies" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_number" integer NOT NULL, "effective_from" TIMESTAMP WITH TIME ZONE NOT NULL, "commitments" jsonb NOT NULL, "note" character varying(500) NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b0c0ca1d20e1b705105e017d8e5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_service_policies_version" ON "service_policies" ("version_number") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_service_policies_effective_from" ON "service_policies" ("effective_from") `,
    );
    await queryRunner.query(
      `CREATE TABLE "performance_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "period" character varying(40) NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "score" numeric(5,1) NOT NULL, "grade" character varying(20), "reviewer_id" uuid NOT NULL, "comments" text, CONSTRAINT "ck_performance_reviews_period" CHECK (period_end >= period_start), CONSTRAINT "ck_performance_reviews_score" CHECK (score >= 0 AND score <= 100), CONSTRAINT "PK_46f39f620497eb3de4fe6dafdef" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_performance_reviews_period" ON "performance_reviews" ("user_id", "period_start", "period_end") `,
    );
    await queryRunner.query(
      `CREATE TABLE "qualifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "type" character varying(100) NOT NULL, "certificate_number" character varying(100) NOT NULL, "issuer" character varying(200), "issued_on" date, "valid_until" date, "product_categories" text array NOT NULL DEFAULT '{}', CONSTRAINT "PK_9ed4d526ac3b76ba3f1c1080433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_qualifications_valid_until" ON "qualifications" ("valid_until") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_qualifications_user" ON "qualifications" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "trainings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" character varying(20) NOT NULL, "topic" character varying(200) NOT NULL, "held_on" date NOT NULL, "hours" numeric(6,1) NOT NULL, "trainer" character varying(100) NOT NULL, "location" character varying(200), "outlet_id" uuid, "content" text, CONSTRAINT "ck_trainings_hours" CHECK (hours > 0 AND hours <= 1000), CONSTRAINT "ck_trainings_kind" CHECK (kind IN ('staff', 'customer')), CONSTRAINT "PK_b67237502b175163e47dc85018d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_trainings_held_on" ON "trainings" ("held_on") `);
    await queryRunner.query(
      `CREATE TABLE "training_attendees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "training_id" uuid NOT NULL, "user_id" uuid, "customer_id" uuid, "name" character varying(100) NOT NULL, "result" character varying(20) NOT NULL DEFAULT 'not_assessed', "score" numeric(5,1), CONSTRAINT "ck_training_attendees_result" CHECK (result IN ('passed', 'failed', 'not_assessed')), CONSTRAINT "PK_7ea941a8f1b93bd7f8acb8cfa6e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_training_attendees_user" ON "training_attendees" ("user_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_training_attendees_training" ON "training_attendees" ("training_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "suppliers" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "kind" character varying(20) NOT NULL, "scope" character varying(500), "contact_name" character varying(100), "phone" character varying(40), "email" character varying(200), "address" character varying(300), "qualified_on" date, "qualified_until" date, "rating" numeric(5,1), "notes" text, CONSTRAINT "ck_suppliers_rating" CHECK (rating IS NULL OR (rating >= 0 AND rating <= 100)), CONSTRAINT "ck_suppliers_kind" CHECK (kind IN ('manufacturer', 'vendor', 'repairer')), CONSTRAINT "PK_b70ac51766a9e3144f778cfe81e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_suppliers_code" ON "suppliers" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_suppliers_name" ON "suppliers" ("name") `);
    await queryRunner.query(
      `CREATE TABLE "tools" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" character varying(40) NOT NULL, "name" character varying(200) NOT NULL, "model" character varying(100), "serial_number" character varying(100), "outlet_id" uuid, "keeper" character varying(100), "purchased_on" date, "inspection_interval_months" integer NOT NULL DEFAULT '12', "next_inspection_due" date, "last_inspected_on" date, "last_inspection_result" character varying(20), CONSTRAINT "ck_tools_last_inspection_result" CHECK (last_inspection_result IN ('passed', 'failed')), CONSTRAINT "ck_tools_interval" CHECK (inspection_interval_months BETWEEN 1 AND 120), CONSTRAINT "PK_e23d56734caad471277bad8bf85" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_tools_code" ON "tools" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_tools_outlet" ON "tools" ("outlet_id") `);
    await queryRunner.query(`CREATE INDEX "ix_tools_next_inspection" ON "tools" ("next_inspection_due") `);
    await queryRunner.query(
      `CREATE TABLE "tool_inspections" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tool_id" uuid NOT NULL, "inspected_on" date NOT NULL, "inspector" character varying(200) NOT NULL, "result" character varying(20) NOT NULL, "certificate_number" character varying(100), "next_due" date, "notes" text, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tool_inspections_result" CHECK (result IN ('passed', 'failed')), CONSTRAINT "PK_e1022555fe522744442df5fd207" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_tool_inspections_tool" ON "tool_inspections" ("tool_id", "inspected_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "expiry_notices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" character varying(40) NOT NULL, "subject_id" uuid NOT NULL, "item" character varying(60) NOT NULL, "valid_until" date NOT NULL, "threshold" character varying(20) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_511c49b88e849dc7d36dd4011e8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_expiry_notices" ON "expiry_notices" ("subject_type", "subject_id", "item", "valid_until", "threshold") `,
    );
    await queryRunner.query(
      `ALTER TABLE "customers" ADD CONSTRAINT "fk_customers_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "fk_assets_product" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assets" ADD CONSTRAINT "fk_assets_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outlet_reviews" ADD CONSTRAINT "fk_outlet_reviews_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outlet_staff" ADD CONSTRAINT "fk_outlet_staff_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "outlet_status_changes" ADD CONSTRAINT "fk_outlet_status_changes_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "rectification_actions" ADD CONSTRAINT "fk_rectification_actions_review" FOREIGN KEY ("review_id") REFERENCES "outlet_reviews"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "fk_users_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_reviews" ADD CONSTRAINT "fk_performance_reviews_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_reviews" ADD CONSTRAINT "fk_performance_reviews_reviewer" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "qualifications" ADD CONSTRAINT "fk_qualifications_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trainings" ADD CONSTRAINT "fk_trainings_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_attendees" ADD CONSTRAINT "fk_training_attendees_training" FOREIGN KEY ("training_id") REFERENCES "trainings"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_attendees" ADD CONSTRAINT "fk_training_attendees_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "training_attendees" ADD CONSTRAINT "fk_training_attendees_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tools" ADD CONSTRAINT "fk_tools_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tool_inspections" ADD CONSTRAINT "fk_tool_inspections_tool" FOREIGN KEY ("tool_id") REFERENCES "tools"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tool_inspections" DROP CONSTRAINT "fk_tool_inspections_tool"`);
    await queryRunner.query(`ALTER TABLE "tools" DROP CONSTRAINT "fk_tools_outlet"`);
    await queryRunner.query(
      `ALTER TABLE "training_attendees" DROP CONSTRAINT "fk_training_attendees_customer"`,
    );
    await queryRunner.query(`ALTER TABLE "training_attendees" DROP CONSTRAINT "fk_training_attendees_user"`);
    await queryRunner.query(
      `ALTER TABLE "training_attendees" DROP CONSTRAINT "fk_training_attendees_training"`,
    );
    await queryRunner.query(`ALTER TABLE "trainings" DROP CONSTRAINT "fk_trainings_outlet"`);
    await queryRunner.query(`ALTER TABLE "qualifications" DROP CONSTRAINT "fk_qualifications_user"`);
    await queryRunner.query(
      `ALTER TABLE "performance_reviews" DROP CONSTRAINT "fk_performance_reviews_reviewer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "performance_reviews" DROP CONSTRAINT "fk_performance_reviews_user"`,
    );
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "fk_users_outlet"`);
    await queryRunner.query(
      `ALTER TABLE "rectification_actions" DROP CONSTRAINT "fk_rectification_actions_review"`,
    );
    await queryRunner.query(
      `ALTER TABLE "outlet_status_changes" DROP CONSTRAINT "fk_outlet_status_changes_outlet"`,
    );
    await queryRunner.query(`ALTER TABLE "outlet_staff" DROP CONSTRAINT "fk_outlet_staff_outlet"`);
    await queryRunner.query(`ALTER TABLE "outlet_reviews" DROP CONSTRAINT "fk_outlet_reviews_outlet"`);
    await queryRunner.query(`ALTER TABLE "assets" DROP CONSTRAINT "fk_assets_customer"`);
    await queryRunner.query(`ALTER TABLE "assets" DROP CONSTRAINT "fk_assets_product"`);
    await queryRunner.query(`ALTER TABLE "customers" DROP CONSTRAINT "fk_customers_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."uq_expiry_notices"`);
    await queryRunner.query(`DROP TABLE "expiry_notices"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tool_inspections_tool"`);
    await queryRunner.query(`DROP TABLE "tool_inspections"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tools_next_inspection"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tools_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."uq_tools_code"`);
    await queryRunner.query(`DROP TABLE "tools"`);
    await queryRunner.query(`DROP INDEX "public"."ix_suppliers_name"`);
    await queryRunner.query(`DROP INDEX "public"."uq_suppliers_code"`);
    await queryRunner.query(`DROP TABLE "suppliers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_attendees_training"`);
    await queryRunner.query(`DROP INDEX "public"."ix_training_attendees_user"`);
    await queryRunner.query(`DROP TABLE "training_attendees"`);
    await queryRunner.query(`DROP INDEX "public"."ix_trainings_held_on"`);
    await queryRunner.query(`DROP TABLE "trainings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_qualifications_user"`);
    await queryRunner.query(`DROP INDEX "public"."ix_qualifications_valid_until"`);
    await queryRunner.query(`DROP TABLE "qualifications"`);
    await queryRunner.query(`DROP INDEX "public"."uq_performance_reviews_period"`);
    await queryRunner.query(`DROP TABLE "performance_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."uq_service_policies_effective_from"`);
    await queryRunner.query(`DROP INDEX "public"."uq_service_policies_version"`);
    await queryRunner.query(`DROP TABLE "service_policies"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rectification_actions_review"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rectification_actions_open"`);
    await queryRunner.query(`DROP TABLE "rectification_actions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outlet_status_changes_outlet"`);
    await queryRunner.query(`DROP TABLE "outlet_status_changes"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outlet_staff_outlet"`);
    await queryRunner.query(`DROP TABLE "outlet_staff"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outlet_reviews_year"`);
    await queryRunner.query(`DROP TABLE "outlet_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."ix_parts_category"`);
    await queryRunner.query(`DROP INDEX "public"."uq_parts_code"`);
    await queryRunner.query(`DROP TABLE "parts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_attachments_owner"`);
    await queryRunner.query(`DROP INDEX "public"."uq_attachments_storage_key"`);
    await queryRunner.query(`DROP TABLE "attachments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assets_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assets_product"`);
    await queryRunner.query(`DROP INDEX "public"."uq_assets_serial_number"`);
    await queryRunner.query(`DROP TABLE "assets"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customers_name"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customers_phone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_customers_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."uq_customers_code"`);
    await queryRunner.query(`DROP TABLE "customers"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outlets_status"`);
    await queryRunner.query(`DROP INDEX "public"."uq_outlets_code"`);
    await queryRunner.query(`DROP TABLE "outlets"`);
    await queryRunner.query(`DROP INDEX "public"."ix_products_category"`);
    await queryRunner.query(`DROP INDEX "public"."uq_products_sku"`);
    await queryRunner.query(`DROP TABLE "products"`);
  }
}
