import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The KPIs' repeat-repair check finds a unit's earlier repairs: by asset and resolution time, and for
 * an unregistered unit by its serial number in any case (`upper`), among the few tickets without an
 * asset record. The second is an expression index, which entities cannot declare: it lives here
 * only, like the customer search index.
 */
export class AddKpiIndexes1795420000002 implements MigrationInterface {
  name = 'AddKpiIndexes1795420000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_tickets_asset_resolved" ON "tickets" ("asset_id", "resolved_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_kpi_tickets_unregistered_unit" ON "tickets" (upper("serial_number")) WHERE "asset_id" IS NULL AND "serial_number" IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_kpi_tickets_unregistered_unit"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_asset_resolved"`);
  }
}
