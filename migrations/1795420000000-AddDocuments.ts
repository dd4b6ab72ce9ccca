import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The controlled documents register (受控文件): documents, their approved versions with their files,
 * and their periodic reviews. Versions and reviews are records of fact: the database refuses to
 * change or delete them, so an approved version's file can never be swapped (the file itself cannot
 * be removed either: the foreign key to attachments restricts it).
 */
export class AddDocuments1795420000000 implements MigrationInterface {
  name = 'AddDocuments1795420000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "document_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "seq" integer NOT NULL, "label" character varying(30) NOT NULL, "approved_on" date NOT NULL, "approved_by" character varying(100) NOT NULL, "next_review_on" date, "change_note" text, "file_attachment_id" uuid NOT NULL, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_document_versions_review" CHECK ("next_review_on" IS NULL OR "next_review_on" > "approved_on"), CONSTRAINT "ck_document_versions_seq" CHECK ("seq" >= 1), CONSTRAINT "PK_baf26dab035c6d6fc433f9dc6a2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_file" ON "document_versions" ("file_attachment_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_label" ON "document_versions" ("document_id", "label") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_document_versions_seq" ON "document_versions" ("document_id", "seq") `,
    );
    await queryRunner.query(
      `CREATE TABLE "document_reviews" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_id" uuid NOT NULL, "version_id" uuid NOT NULL, "reviewed_on" date NOT NULL, "reviewed_by" character varying(100) NOT NULL, "next_review_on" date NOT NULL, "note" text, "recorded_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_document_reviews_next" CHECK ("next_review_on" > "reviewed_on"), CONSTRAINT "PK_f80033200b44acfdd2beff8a7a4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_document_reviews_version" ON "document_reviews" ("version_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_document_reviews_document" ON "document_reviews" ("document_id", "reviewed_on") `,
    );
    await queryRunner.query(
      `CREATE TABLE "documents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "active" boolean NOT NULL DEFAULT true, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "number" character varying(60) NOT NULL, "title" character varying(200) NOT NULL, "category" character varying(20) NOT NULL, "evidence_code" character varying(40) NOT NULL DEFAULT 'documents', "outlet_id" uuid, "department" character varying(100), "owner" character varying(100), "status" character varying(20) NOT NULL DEFAULT 'draft', "current_version_id" uuid, "next_review_on" date, "last_reviewed_on" date, "withdrawn_on" date, "withdrawn_reason" character varying(500), "withdrawn_by" uuid, "created_by" uuid NOT NULL, CONSTRAINT "ck_documents_withdrawn" CHECK (("status" = 'withdrawn') = ("withdrawn_on" IS NOT NULL AND "withdrawn_reason" IS NOT NULL)), CONSTRAINT "ck_documents_current_version" CHECK ("status" = 'withdrawn' OR ("status" = 'draft') = ("current_version_id" IS NULL)), CONSTRAINT "ck_documents_active" CHECK ("active" = ("status" <> 'withdrawn')), CONSTRAINT "ck_documents_status" CHECK ("status" IN ('draft','current','withdrawn')), CONSTRAINT "ck_documents_category" CHECK ("category" IN ('service_manual','procedure','legal_register','org_chart','certificate','contract','commitment','other')), CONSTRAINT "PK_ac51aa5181ee2036f5ca482857c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_documents_number" ON "documents" ("number") `);
    await queryRunner.query(`CREATE INDEX "ix_documents_outlet" ON "documents" ("outlet_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_documents_status_review" ON "documents" ("status", "next_review_on") `,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "fk_document_versions_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_versions" ADD CONSTRAINT "fk_document_versions_file" FOREIGN KEY ("file_attachment_id") REFERENCES "attachments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_reviews" ADD CONSTRAINT "fk_document_reviews_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "document_reviews" ADD CONSTRAINT "fk_document_reviews_version" FOREIGN KEY ("version_id") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "documents" ADD CONSTRAINT "fk_documents_current_version" FOREIGN KEY ("current_version_id") REFERENCES "document_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION document_history_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION '% is a record of fact: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
            END
            $$`);
    await queryRunner.query(
      `CREATE TRIGGER document_versions_unchangeable BEFORE UPDATE OR DELETE ON "document_versions" FOR EACH ROW EXECUTE FUNCTION document_history_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER document_reviews_unchangeable BEFORE UPDATE OR DELETE ON "document_reviews" FOR EACH ROW EXECUTE FUNCTION document_history_refuse_change()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER document_reviews_unchangeable ON "document_reviews"`);
    await queryRunner.query(`DROP TRIGGER document_versions_unchangeable ON "document_versions"`);
    await queryRunner.query(`DROP FUNCTION document_history_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "fk_documents_current_version"`);
    await queryRunner.query(`ALTER TABLE "documents" DROP CONSTRAINT "fk_documents_outlet"`);
    await queryRunner.query(`ALTER TABLE "document_reviews" DROP CONSTRAINT "fk_document_reviews_version"`);
    await queryRunner.query(`ALTER TABLE "document_reviews" DROP CONSTRAINT "fk_document_reviews_document"`);
    await queryRunner.query(`ALTER TABLE "document_versions" DROP CONSTRAINT "fk_document_versions_file"`);
    await queryRunner.query(
      `ALTER TABLE "document_versions" DROP CONSTRAINT "fk_document_versions_document"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_documents_status_review"`);
    await queryRunner.query(`DROP INDEX "public"."ix_documents_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."uq_documents_number"`);
    await queryRunner.query(`DROP TABLE "documents"`);
    await queryRunner.query(`DROP INDEX "public"."ix_document_reviews_document"`);
    await queryRunner.query(`DROP INDEX "public"."ix_document_reviews_version"`);
    await queryRunner.query(`DROP TABLE "document_reviews"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_versions_seq"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_versions_label"`);
    await queryRunner.query(`DROP INDEX "public"."uq_document_versions_file"`);
    await queryRunner.query(`DROP TABLE "document_versions"`);
  }
}
