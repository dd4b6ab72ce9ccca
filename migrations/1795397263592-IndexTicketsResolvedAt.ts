import { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexTicketsResolvedAt1795397263592 implements MigrationInterface {
  name = 'IndexTicketsResolvedAt1795397263592';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_tickets_resolved_at" ON "tickets" ("resolved_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_tickets_resolved_at"`);
  }
}
