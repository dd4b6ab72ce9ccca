import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddExports1795394232046 implements MigrationInterface {
  name = 'AddExports1795394232046';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "type" character varying(20) NOT NULL, "params" jsonb NOT NULL, "status" character varying(20) NOT NULL, "percent" integer NOT NULL DEFAULT '0', "error" text, "files" jsonb NOT NULL DEFAULT '[]', "storage_key" character varying(200), "requested_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, "progress_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "ck_exports_failed" CHECK (("status" = 'failed') = ("error" IS NOT NULL)), CONSTRAINT "ck_exports_done" CHECK (("status" = 'done') = ("storage_key" IS NOT NULL)), CONSTRAINT "ck_exports_attempts" CHECK ("attempts" >= 0), CONSTRAINT "ck_exports_percent" CHECK ("percent" BETWEEN 0 AND 100), CONSTRAINT "ck_exports_status" CHECK ("status" IN ('queued','running','done','failed')), CONSTRAINT "ck_exports_type" CHECK ("type" IN ('register','pack')), CONSTRAINT "PK_bcf8528d214cbfc68c01f337511" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_exports_created_at" ON "exports" ("created_at") `);
    await queryRunner.query(
      `ALTER TABLE "exports" ADD CONSTRAINT "fk_exports_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "exports" DROP CONSTRAINT "fk_exports_requested_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_exports_created_at"`);
    await queryRunner.query(`DROP TABLE "exports"`);
  }
}
