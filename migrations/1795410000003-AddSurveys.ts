import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddSurveys1795410000003 implements MigrationInterface {
  name = 'AddSurveys1795410000003';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_templates" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "title_zh" character varying(200) NOT NULL, "title_en" character varying(200), "intro_zh" text, "intro_en" text, "questions" jsonb NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_938015fccae381778b558d2af89" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_templates_created_at" ON "survey_templates" ("created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_campaigns" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "name" character varying(200), "filters" jsonb NOT NULL DEFAULT '{}', "max_invitations" integer NOT NULL, "language" character varying(2) NOT NULL DEFAULT 'zh', "expiry_days" integer NOT NULL, "status" character varying(10) NOT NULL, "matched" integer, "invited" integer, "skipped_no_email" integer, "over_limit" integer, "requested_by" uuid NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_survey_campaigns_done" CHECK (("status" = 'done') = ("finished_at" IS NOT NULL)), CONSTRAINT "ck_survey_campaigns_max" CHECK ("max_invitations" BETWEEN 1 AND 5000), CONSTRAINT "ck_survey_campaigns_language" CHECK ("language" IN ('zh','en')), CONSTRAINT "ck_survey_campaigns_status" CHECK ("status" IN ('queued','done')), CONSTRAINT "PK_5d0016cff7d07f952d24a4b7b25" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_campaigns_template" ON "survey_campaigns" ("template_id", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_invitations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "template_id" uuid NOT NULL, "source" character varying(20) NOT NULL, "campaign_id" uuid, "ticket_id" uuid, "customer_id" uuid NOT NULL, "email" character varying(200) NOT NULL, "language" character varying(2) NOT NULL DEFAULT 'zh', "outlet_id" uuid, "technician_id" uuid, "product_category" character varying(100), "token_hash" character(64) NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE, "message_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_survey_invitations_expiry" CHECK ("expires_at" > "sent_at"), CONSTRAINT "ck_survey_invitations_language" CHECK ("language" IN ('zh','en')), CONSTRAINT "ck_survey_invitations_campaign" CHECK (("source" = 'campaign') = ("campaign_id" IS NOT NULL)), CONSTRAINT "ck_survey_invitations_ticket" CHECK ("source" <> 'ticket_closed' OR "ticket_id" IS NOT NULL), CONSTRAINT "ck_survey_invitations_source" CHECK ("source" IN ('ticket_closed','campaign')), CONSTRAINT "PK_8a42ab5d797ea8f45e4155ebbc2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_survey_invitations_sent" ON "survey_invitations" ("sent_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_survey_invitations_customer" ON "survey_invitations" ("customer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_invitations_template_sent" ON "survey_invitations" ("template_id", "sent_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_invitations_campaign_customer" ON "survey_invitations" ("campaign_id", "customer_id") WHERE "campaign_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_invitations_ticket" ON "survey_invitations" ("ticket_id") WHERE "source" = 'ticket_closed'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_invitations_token" ON "survey_invitations" ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_responses" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invitation_id" uuid NOT NULL, "answers" jsonb NOT NULL, "csat_score" smallint, "nps_score" smallint, "language" character varying(2) NOT NULL, "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_survey_responses_language" CHECK ("language" IN ('zh','en')), CONSTRAINT "ck_survey_responses_nps" CHECK ("nps_score" IS NULL OR "nps_score" BETWEEN 0 AND 10), CONSTRAINT "ck_survey_responses_csat" CHECK ("csat_score" IS NULL OR "csat_score" BETWEEN 1 AND 5), CONSTRAINT "PK_349995c51959d139d8e485a58ea" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_survey_responses_invitation" ON "survey_responses" ("invitation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_responses_answered_at" ON "survey_responses" ("answered_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_settings" ("id" smallint NOT NULL, "invite_on_ticket_close" boolean NOT NULL DEFAULT false, "template_id" uuid, "expiry_days" integer NOT NULL DEFAULT '30', "version" integer NOT NULL DEFAULT '1', "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_survey_settings_template" CHECK (NOT "invite_on_ticket_close" OR "template_id" IS NOT NULL), CONSTRAINT "ck_survey_settings_expiry" CHECK ("expiry_days" BETWEEN 1 AND 365), CONSTRAINT "ck_survey_settings_single" CHECK ("id" = 1), CONSTRAINT "PK_89fc312c965af1bbd5d8f15049e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_templates" ADD CONSTRAINT "fk_survey_templates_created_by" FOREIGN KEY ("created_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_campaigns" ADD CONSTRAINT "fk_survey_campaigns_template" FOREIGN KEY ("template_id") REFERENCES "survey_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_campaigns" ADD CONSTRAINT "fk_survey_campaigns_requested_by" FOREIGN KEY ("requested_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_template" FOREIGN KEY ("template_id") REFERENCES "survey_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_campaign" FOREIGN KEY ("campaign_id") REFERENCES "survey_campaigns"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_ticket" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_customer" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_technician" FOREIGN KEY ("technician_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" ADD CONSTRAINT "fk_survey_invitations_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_responses" ADD CONSTRAINT "fk_survey_responses_invitation" FOREIGN KEY ("invitation_id") REFERENCES "survey_invitations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_settings" ADD CONSTRAINT "fk_survey_settings_template" FOREIGN KEY ("template_id") REFERENCES "survey_templates"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_settings" ADD CONSTRAINT "fk_survey_settings_updated_by" FOREIGN KEY ("updated_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The one settings row: no invitations on ticket close until a manager chooses a template.
    await queryRunner.query(`INSERT INTO "survey_settings" ("id") VALUES (1)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "survey_settings" DROP CONSTRAINT "fk_survey_settings_updated_by"`);
    await queryRunner.query(`ALTER TABLE "survey_settings" DROP CONSTRAINT "fk_survey_settings_template"`);
    await queryRunner.query(
      `ALTER TABLE "survey_responses" DROP CONSTRAINT "fk_survey_responses_invitation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_message"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_technician"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_outlet"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_customer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_ticket"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_campaign"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_invitations" DROP CONSTRAINT "fk_survey_invitations_template"`,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_campaigns" DROP CONSTRAINT "fk_survey_campaigns_requested_by"`,
    );
    await queryRunner.query(`ALTER TABLE "survey_campaigns" DROP CONSTRAINT "fk_survey_campaigns_template"`);
    await queryRunner.query(
      `ALTER TABLE "survey_templates" DROP CONSTRAINT "fk_survey_templates_created_by"`,
    );
    await queryRunner.query(`DROP TABLE "survey_settings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_responses_answered_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_responses_invitation"`);
    await queryRunner.query(`DROP TABLE "survey_responses"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_invitations_token"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_invitations_ticket"`);
    await queryRunner.query(`DROP INDEX "public"."uq_survey_invitations_campaign_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_invitations_template_sent"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_invitations_customer"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_invitations_sent"`);
    await queryRunner.query(`DROP TABLE "survey_invitations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_campaigns_template"`);
    await queryRunner.query(`DROP TABLE "survey_campaigns"`);
    await queryRunner.query(`DROP INDEX "public"."ix_survey_templates_created_at"`);
    await queryRunner.query(`DROP TABLE "survey_templates"`);
  }
}
