import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Version 1 of the scoring rules: the default of GBT27922.md §1–§2 (one item per indicator with its
 * default points, sampled where the auditor samples), marked indicative. Written out here (not
 * imported) so that this migration never changes meaning.
 */
const DEFAULT_ITEMS = [
  {
    code: 'organization',
    indicator: 'organization',
    title: '设有负责售后服务的部门和岗位职责；自建或委托的服务网点覆盖销售区域并受管理',
    points: 6,
    type: 'qualitative',
    evidence: ['outlets', 'outlet-reviews', 'documents'],
  },
  {
    code: 'staffing',
    indicator: 'staffing',
    title: '人员具备岗位所需资格；售后服务管理师不少于服务管理人员的 10%（至少 1 人）',
    points: 8,
    type: 'sampled',
    evidence: ['service-managers', 'qualifications', 'staff-trainings'],
  },
  {
    code: 'resources',
    indicator: 'resources',
    title: '经费与备件储备、持续培训、激励与关怀；场所、顾客信息系统、工具和备件齐备',
    points: 8,
    type: 'qualitative',
    evidence: ['staff-trainings', 'performance-reviews', 'tools'],
  },
  {
    code: 'norms',
    indicator: 'norms',
    title: '各售后服务过程有成文程序并汇编为服务手册；识别适用的法律法规并为员工知晓',
    points: 5,
    type: 'qualitative',
    evidence: ['documents'],
  },
  {
    code: 'supervision',
    indicator: 'supervision',
    title: '有人监督售后服务体系的运行，结果用于奖惩，目标据此修订',
    points: 4,
    type: 'qualitative',
    evidence: ['outlet-reviews', 'performance-reviews', 'corrective-actions', 'audit-trail'],
  },
  {
    code: 'improvement',
    indicator: 'improvement',
    title: '服务信息反馈至生产和销售，疑难问题提交研发；持有相关认证并参与标准化工作',
    points: 4,
    type: 'qualitative',
    evidence: ['corrective-actions', 'documents'],
  },
  {
    code: 'culture',
    indicator: 'culture',
    title: '有明确的服务理念；各处向顾客公布的服务承诺表述一致，并有宣传',
    points: 5,
    type: 'qualitative',
    evidence: ['service-policy', 'documents'],
  },
  {
    code: 'product-info',
    indicator: 'product-info',
    title: '提供说明书、合格证和保修条款，公布配件与工时价格；发布缺陷通知',
    points: 5,
    type: 'qualitative',
    evidence: ['price-list'],
  },
  {
    code: 'tech-support',
    indicator: 'tech-support',
    title: '交付时提供安装、调试和操作培训；按收费标准明示收费',
    points: 6,
    type: 'qualitative',
    evidence: ['price-list', 'installations', 'customer-trainings'],
  },
  {
    code: 'delivery',
    indicator: 'delivery',
    title: '按约定的时间和地点送达，交接验收有记录',
    points: 5,
    type: 'qualitative',
    evidence: ['installations'],
  },
  {
    code: 'repair',
    indicator: 'repair',
    title: '兑现公布的响应、到场和修复承诺；维修人员具备资格；每次维修有记录（配件及价格）；维修后回访',
    points: 8,
    type: 'sampled',
    evidence: [
      'suppliers',
      'service-policy',
      'price-list',
      'repair-requests',
      'repair-records',
      'follow-ups',
      'inspections',
    ],
  },
  {
    code: 'quality',
    indicator: 'quality',
    title: '按法律规定处理保修与三包、退换货及召回',
    points: 7,
    type: 'sampled',
    evidence: ['suppliers', 'returns', 'notifications'],
  },
  {
    code: 'recycling',
    indicator: 'recycling',
    title: '开展废旧商品回收或以旧换新，委托有资质的单位处置，并有记录',
    points: 4,
    type: 'qualitative',
    evidence: ['recycling'],
  },
  {
    code: 'customer-relations',
    indicator: 'customer-relations',
    title: '设有服务热线和在线渠道；顾客信息保密；至少每年开展一次满意度调查；回访与巡检',
    points: 12,
    type: 'qualitative',
    evidence: ['follow-ups', 'inspections', 'surveys', 'notifications'],
  },
  {
    code: 'complaints',
    indicator: 'complaints',
    title: '每件投诉均有记录，在规定时限内处理并回访顾客；重大投诉上报；有处理目标',
    points: 13,
    type: 'sampled',
    evidence: ['complaints'],
  },
];

const DEFAULT_OPTIONS = {
  totalPoints: 100,
  adjustmentsApplied: 'after_normalisation',
  decimals: 1,
  compliantAt: 70,
  threeStarAt: 80,
  fourStarAt: 90,
  fiveStarAt: 95,
  specialDeductionPoints: 1,
  specialBonusPoints: 1,
  maxSpecialBonuses: 1,
  notCertifiedDeductions: 5,
  sampleSize: 4,
};

export class AddAssessments1795420000001 implements MigrationInterface {
  name = 'AddAssessments1795420000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "rule_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version_number" integer NOT NULL, "name" character varying(200) NOT NULL, "indicative" boolean NOT NULL, "source" character varying(10) NOT NULL, "file_name" character varying(255), "definition" jsonb NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_rule_sets_source" CHECK ("source" IN ('default','json','xlsx')), CONSTRAINT "PK_5fe503c220e68f5cd03bf887677" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_rule_sets_version" ON "rule_sets" ("version_number") `);
    await queryRunner.query(
      `CREATE TABLE "assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "version" integer NOT NULL DEFAULT '1', "title" character varying(200) NOT NULL, "status" character varying(10) NOT NULL, "rule_set_id" uuid NOT NULL, "period_from" date NOT NULL, "period_to" date NOT NULL, "frozen_at" TIMESTAMP WITH TIME ZONE, "frozen_by" uuid, "score_snapshot" jsonb, "kpi_snapshot" jsonb, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_assessments_frozen" CHECK (("status" = 'frozen') = ("frozen_at" IS NOT NULL AND "frozen_by" IS NOT NULL AND "score_snapshot" IS NOT NULL)), CONSTRAINT "ck_assessments_period" CHECK ("period_to" >= "period_from"), CONSTRAINT "ck_assessments_status" CHECK ("status" IN ('draft','frozen')), CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_assessments_rule_set" ON "assessments" ("rule_set_id") `);
    await queryRunner.query(`CREATE INDEX "ix_assessments_frozen_at" ON "assessments" ("frozen_at") `);
    await queryRunner.query(
      `CREATE TABLE "assessment_adjustments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessment_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "category" character varying(20), "reason" text NOT NULL, "rectification" text, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_assessment_adjustments_category" CHECK (("kind" = 'deduction' AND "category" IN ('law','own_rules','industry','service_system')) OR ("kind" = 'bonus' AND "category" IS NULL)), CONSTRAINT "ck_assessment_adjustments_kind" CHECK ("kind" IN ('deduction','bonus')), CONSTRAINT "PK_64bfc3a8d6892c3390ee1a14042" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_assessment_adjustments_assessment" ON "assessment_adjustments" ("assessment_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "assessment_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "assessment_id" uuid NOT NULL, "item_code" character varying(40) NOT NULL, "applicable" boolean NOT NULL DEFAULT true, "exclusion_reason" text, "conforms" boolean, "checked" integer, "non_conforming" integer, "non_conforming_records" jsonb NOT NULL DEFAULT '[]', "sample_basis" jsonb, "findings" text, "evidence" jsonb NOT NULL DEFAULT '[]', "recorded_by" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_assessment_items_one_result" CHECK ("conforms" IS NULL OR "checked" IS NULL), CONSTRAINT "ck_assessment_items_sample" CHECK (("checked" IS NULL) = ("non_conforming" IS NULL) AND ("checked" IS NULL OR ("checked" >= 1 AND "non_conforming" >= 0 AND "non_conforming" <= "checked"))), CONSTRAINT "ck_assessment_items_exclusion" CHECK ("applicable" OR "exclusion_reason" IS NOT NULL), CONSTRAINT "PK_57f59c2a3958b472d0c3e9519d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_assessment_items_code" ON "assessment_items" ("assessment_id", "item_code") `,
    );
    await queryRunner.query(
      `ALTER TABLE "rule_sets" ADD CONSTRAINT "fk_rule_sets_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessments" ADD CONSTRAINT "fk_assessments_rule_set" FOREIGN KEY ("rule_set_id") REFERENCES "rule_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessments" ADD CONSTRAINT "fk_assessments_frozen_by" FOREIGN KEY ("frozen_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessments" ADD CONSTRAINT "fk_assessments_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "fk_assessment_adjustments_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_adjustments" ADD CONSTRAINT "fk_assessment_adjustments_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_items" ADD CONSTRAINT "fk_assessment_items_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_items" ADD CONSTRAINT "fk_assessment_items_recorded_by" FOREIGN KEY ("recorded_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );

    // Rule set versions never change; a frozen assessment, its items and adjustments neither.
    await queryRunner.query(`CREATE FUNCTION rule_sets_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                RAISE EXCEPTION 'rule set versions never change: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
              END $$`);
    await queryRunner.query(
      `CREATE TRIGGER rule_sets_immutable BEFORE UPDATE ON "rule_sets" FOR EACH ROW EXECUTE FUNCTION rule_sets_refuse_change()`,
    );
    await queryRunner.query(`CREATE FUNCTION assessments_refuse_frozen_change() RETURNS trigger LANGUAGE plpgsql AS $$
              BEGIN
                IF TG_TABLE_NAME = 'assessments' THEN
                  IF OLD.status = 'frozen' THEN
                    RAISE EXCEPTION 'assessment % is frozen', OLD.id USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NEW;
                END IF;
                IF EXISTS (SELECT 1 FROM assessments a
                            WHERE a.id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.assessment_id ELSE NEW.assessment_id END)
                              AND a.status = 'frozen') THEN
                  RAISE EXCEPTION 'the assessment is frozen' USING ERRCODE = 'insufficient_privilege';
                END IF;
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
              END $$`);
    await queryRunner.query(
      `CREATE TRIGGER assessments_frozen BEFORE UPDATE OR DELETE ON "assessments" FOR EACH ROW EXECUTE FUNCTION assessments_refuse_frozen_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER assessment_items_frozen BEFORE INSERT OR UPDATE OR DELETE ON "assessment_items" FOR EACH ROW EXECUTE FUNCTION assessments_refuse_frozen_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER assessment_adjustments_frozen BEFORE INSERT OR UPDATE OR DELETE ON "assessment_adjustments" FOR EACH ROW EXECUTE FUNCTION assessments_refuse_frozen_change()`,
    );
    await queryRunner.query(
      `INSERT INTO "rule_sets" ("version_number", "name", "indicative", "source", "definition")
       VALUES (1, 'GB/T 27922-2011 默认评分规则', true, 'default', $1::jsonb)`,
      [JSON.stringify({ items: DEFAULT_ITEMS, options: DEFAULT_OPTIONS })],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER assessment_adjustments_frozen ON "assessment_adjustments"`);
    await queryRunner.query(`DROP TRIGGER assessment_items_frozen ON "assessment_items"`);
    await queryRunner.query(`DROP TRIGGER assessments_frozen ON "assessments"`);
    await queryRunner.query(`DROP FUNCTION assessments_refuse_frozen_change()`);
    await queryRunner.query(`DROP TRIGGER rule_sets_immutable ON "rule_sets"`);
    await queryRunner.query(`DROP FUNCTION rule_sets_refuse_change()`);
    await queryRunner.query(
      `ALTER TABLE "assessment_items" DROP CONSTRAINT "fk_assessment_items_recorded_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_items" DROP CONSTRAINT "fk_assessment_items_assessment"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_adjustments" DROP CONSTRAINT "fk_assessment_adjustments_created_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "assessment_adjustments" DROP CONSTRAINT "fk_assessment_adjustments_assessment"`,
    );
    await queryRunner.query(`ALTER TABLE "assessments" DROP CONSTRAINT "fk_assessments_created_by"`);
    await queryRunner.query(`ALTER TABLE "assessments" DROP CONSTRAINT "fk_assessments_frozen_by"`);
    await queryRunner.query(`ALTER TABLE "assessments" DROP CONSTRAINT "fk_assessments_rule_set"`);
    await queryRunner.query(`ALTER TABLE "rule_sets" DROP CONSTRAINT "fk_rule_sets_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."uq_assessment_items_code"`);
    await queryRunner.query(`DROP TABLE "assessment_items"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessment_adjustments_assessment"`);
    await queryRunner.query(`DROP TABLE "assessment_adjustments"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessments_frozen_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_assessments_rule_set"`);
    await queryRunner.query(`DROP TABLE "assessments"`);
    await queryRunner.query(`DROP INDEX "public"."uq_rule_sets_version"`);
    await queryRunner.query(`DROP TABLE "rule_sets"`);
  }
}
