import { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCH_TEXT = `code || ' ' || name || ' ' || coalesce(phone, '') || ' ' || (jsonb_path_query_array(contacts, '$[*].name') || jsonb_path_query_array(contacts, '$[*].phone'))::text`;

/**
 * One stored text per customer (code, name, phone, contacts) behind a trigram index, so that a
 * search for any part of a name or number uses the index instead of reading every customer.
 */
export class AddCustomerSearch1795388000002 implements MigrationInterface {
  name = 'AddCustomerSearch1795388000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `ALTER TABLE "customers" ADD "search_text" text GENERATED ALWAYS AS (${SEARCH_TEXT}) STORED NOT NULL`,
    );
    // TypeORM compares generated columns with what it recorded here, for the database it runs in.
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value")
       VALUES (current_database(), 'public', 'customers', 'GENERATED_COLUMN', 'search_text', $1)`,
      [SEARCH_TEXT],
    );
    await queryRunner.query(
      `CREATE INDEX "ix_customers_search_text" ON "customers" USING gin ("search_text" gin_trgm_ops)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_customers_search_text"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "table" = 'customers' AND "name" = 'search_text'`,
    );
    await queryRunner.query(`ALTER TABLE "customers" DROP COLUMN "search_text"`);
  }
}
