import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version 1 of the service policy: the defaults of SPEC §2, in force from the start, so that there is
 * always a version in force. Written out here (not imported) so that this migration never changes meaning.
 */
const DEFAULTS = {
  responseHours: { urgent: 1, high: 2, normal: 4, low: 8 },
  onSiteHours: {
    urgent: { urban: 4, suburban: 8, rural: 12 },
    high: { urban: 12, suburban: 24, rural: 48 },
    normal: { urban: 24, suburban: 48, rural: 72 },
    low: { urban: 48, suburban: 72, rural: 96 },
  },
  resolveHours: { urgent: 24, high: 48, normal: 72, low: 120 },
  followUpDays: 3,
  complaintAcknowledgeHours: 24,
  complaintResolveDays: 7,
  returnsNoticeDays: 14,
  chaseDays: { exchange: 2, repair: 7, urgent: 1 },
};

export class SeedDefaultServicePolicy1795388000001 implements MigrationInterface {
  name = 'SeedDefaultServicePolicy1795388000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `INSERT INTO "service_policies" ("version_number", "effective_from", "commitments", "note")
       VALUES (1, '2000-01-01T00:00:00+08:00', $1::jsonb, '默认服务承诺（SPEC §2）')`,
      [JSON.stringify(DEFAULTS)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "service_policies" WHERE "version_number" = 1`);
  }
}
