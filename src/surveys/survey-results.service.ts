import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { outletRestriction } from '../auth/domain/outlet-scope';
import type { AppConfig } from '../common/config/config';
import { APP_CONFIG } from '../common/config/config.module';
import { assertDateOrder } from '../common/errors/validation-errors';
import { OutletEntity } from '../outlets/outlet.entity';
import { UserEntity } from '../users/user.entity';
import { type SurveyQuestion, localized } from './domain/survey-fields';
import {
  EMPTY_TALLY,
  type ScoreTally,
  addToTally,
  distributionAverage,
  scaleDistribution,
  scoreFigures,
} from './domain/survey-scores';
import type {
  CategoryScoreResponse,
  MonthScoreResponse,
  OutletScoreResponse,
  QuestionResultResponse,
  SurveyResultsQueryDto,
  SurveyResultsResponse,
  TechnicianScoreResponse,
} from './dto/survey-results.dto';
import { SurveyTemplatesService } from './survey-templates.service';

/** One row of the grouped counts: which grouping set (`g`), its key, one outcome and how many. */
export interface CountRow {
  outlet_id: string | null;
  technician_id: string | null;
  product_category: string | null;
  month: string | null;
  csat_score: number | null;
  nps_score: number | null;
  answered: boolean;
  g: number;
  n: number;
}

/** GROUPING(outlet, technician, category, month): a bit is set for each dimension a set leaves out. */
const SET = { overall: 0b1111, outlet: 0b0111, technician: 0b1011, category: 0b1101, month: 0b1110 } as const;

type Dimension = Exclude<keyof typeof SET, 'overall'>;

/**
 * Survey results of a template: response rate, CSAT and NPS overall and by outlet, technician,
 * product category and month, and the distribution of every question's answers. The cohort is the
 * invitations sent in the period (company time zone), answered whenever; outlet, technician and
 * category are those copied onto each invitation when it was sent. PostgreSQL counts, one row per
 * group and outcome; the pure rules of domain/survey-scores make the figures.
 */
@Injectable()
export class SurveyResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly templates: SurveyTemplatesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async results(
    templateId: string,
    query: SurveyResultsQueryDto,
    viewer: AuthenticatedUser,
  ): Promise<SurveyResultsResponse> {
    assertDateOrder(['from', query.from], ['to', query.to]);
    const template = await this.templates.get(templateId);
    // An outlet-bound reader sees its outlet's results whatever it asks for.
    const outletId = outletRestriction(viewer) ?? query.outletId;
    const zone = this.config.companyTimeZone;
    /** The invitations of the results, as SQL over the query's own parameter list. */
    const cohort = (params: unknown[]): string => {
      const param = (value: unknown): string => {
        params.push(value);
        return `$${params.length}`;
      };
      const where = [`i.template_id = ${param(templateId)}`];
      if (query.from) {
        where.push(
          `i.sent_at >= (CAST(${param(query.from)} AS date)::timestamp AT TIME ZONE ${param(zone)})`,
        );
      }
      if (query.to) {
        where.push(
          `i.sent_at < ((CAST(${param(query.to)} AS date) + 1)::timestamp AT TIME ZONE ${param(zone)})`,
        );
      }
      if (outletId) where.push(`i.outlet_id = ${param(outletId)}`);
      return where.join(' AND ');
    };
    const countParams: unknown[] = [zone];
    const counts = await this.dataSource.query<CountRow[]>(
      `WITH x AS (
         SELECT i.outlet_id, i.technician_id, i.product_category,
                to_char(i.sent_at AT TIME ZONE $1, 'YYYY-MM') AS month,
                r.csat_score, r.nps_score, i.answered_at IS NOT NULL AS answered
           FROM survey_invitations i LEFT JOIN survey_responses r ON r.invitation_id = i.id
          WHERE ${cohort(countParams)})
       SELECT outlet_id, technician_id, product_category, month, csat_score, nps_score, answered,
              GROUPING(outlet_id, technician_id, product_category, month) AS g, count(*)::int AS n
         FROM x
        GROUP BY GROUPING SETS (
          (answered, csat_score, nps_score),
          (outlet_id, answered, csat_score, nps_score),
          (technician_id, answered, csat_score, nps_score),
          (product_category, answered, csat_score, nps_score),
          (month, answered, csat_score, nps_score))`,
      countParams,
    );
    // Text answers are counted, never grouped by what they say.
    const answerParams: unknown[] = [template.questions.filter((q) => q.type === 'text').map((q) => q.key)];
    const answerRows = await this.dataSource.query<{ key: string; value: string | null; n: number }[]>(
      `SELECT a.key, CASE WHEN a.key = ANY($1) THEN NULL ELSE a.value #>> '{}' END AS value,
              count(*)::int AS n
         FROM survey_invitations i
         JOIN survey_responses r ON r.invitation_id = i.id
         CROSS JOIN LATERAL jsonb_each(r.answers) AS a(key, value)
        WHERE ${cohort(answerParams)}
        GROUP BY 1, 2`,
      answerParams,
    );

    const tallies = foldCounts(counts);
    const outlets = await this.outletNames([...tallies.outlet.keys()]);
    const technicians = await this.userNames([...tallies.technician.keys()]);
    const byName = <T extends { name: string } | null>(a: T, b: T) =>
      a === null ? 1 : b === null ? -1 : a.name.localeCompare(b.name, 'zh-CN');
    const ref = (id: string | null, names: Map<string, string>) =>
      id === null ? null : { id, name: names.get(id) ?? '' };

    return {
      survey: { id: template.id, name: template.name },
      from: query.from ?? null,
      to: query.to ?? null,
      overall: scoreFigures(tallies.overall),
      questions: questionResults(template.questions, answerRows),
      byOutlet: [...tallies.outlet]
        .map(([id, tally]): OutletScoreResponse => ({ outlet: ref(id, outlets), ...scoreFigures(tally) }))
        .sort((a, b) => byName(a.outlet, b.outlet)),
      byTechnician: [...tallies.technician]
        .map(([id, tally]): TechnicianScoreResponse => ({
          technician: ref(id, technicians),
          ...scoreFigures(tally),
        }))
        .sort((a, b) => byName(a.technician, b.technician)),
      byProductCategory: [...tallies.category]
        .map(([productCategory, tally]): CategoryScoreResponse => ({
          productCategory,
          ...scoreFigures(tally),
        }))
        .sort((a, b) =>
          byName(
            a.productCategory === null ? null : { name: a.productCategory },
            b.productCategory === null ? null : { name: b.productCategory },
          ),
        ),
      byMonth: [...tallies.month]
        .filter((entry): entry is [string, ScoreTally] => entry[0] !== null)
        .map(([month, tally]): MonthScoreResponse => ({ month, ...scoreFigures(tally) }))
        .sort((a, b) => a.month.localeCompare(b.month)),
    };
  }

  private async outletNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = ids.filter((id): id is string => id !== null);
    if (wanted.length === 0) return new Map();
    const outlets = await this.dataSource.getRepository(OutletEntity).findBy({ id: In(wanted) });
    return new Map(outlets.map((outlet) => [outlet.id, outlet.name]));
  }

  private async userNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = ids.filter((id): id is string => id !== null);
    if (wanted.length === 0) return new Map();
    const users = await this.dataSource.getRepository(UserEntity).findBy({ id: In(wanted) });
    return new Map(users.map((user) => [user.id, user.displayName]));
  }
}

/** The grouped counts as one tally per group of each dimension, and the overall one. */
export function foldCounts(
  rows: readonly CountRow[],
): { overall: ScoreTally } & Record<Dimension, Map<string | null, ScoreTally>> {
  const result = {
    overall: { ...EMPTY_TALLY },
    outlet: new Map<string | null, ScoreTally>(),
    technician: new Map<string | null, ScoreTally>(),
    category: new Map<string | null, ScoreTally>(),
    month: new Map<string | null, ScoreTally>(),
  };
  const keyOf: Record<Dimension, (row: CountRow) => string | null> = {
    outlet: (row) => row.outlet_id,
    technician: (row) => row.technician_id,
    category: (row) => row.product_category,
    month: (row) => row.month,
  };
  for (const row of rows) {
    const outcome = { answered: row.answered, csat: row.csat_score, nps: row.nps_score };
    if (row.g === SET.overall) {
      result.overall = addToTally(result.overall, outcome, row.n);
      continue;
    }
    const dimension = (Object.keys(keyOf) as Dimension[]).find((name) => SET[name] === row.g);
    if (!dimension) continue;
    const groups = result[dimension];
    const key = keyOf[dimension](row);
    groups.set(key, addToTally(groups.get(key) ?? EMPTY_TALLY, outcome, row.n));
  }
  return result;
}

/** Each question's answers: counts for every scale value or option, the mean of a scale, text counted. */
function questionResults(
  questions: readonly SurveyQuestion[],
  rows: readonly { key: string; value: string | null; n: number }[],
): QuestionResultResponse[] {
  return questions.map((question) => {
    const counts = new Map<string, number>();
    let answered = 0;
    for (const row of rows) {
      if (row.key !== question.key) continue;
      answered += row.n;
      if (row.value !== null) counts.set(row.value, (counts.get(row.value) ?? 0) + row.n);
    }
    const base = { key: question.key, type: question.type, prompt: question.prompt.zh, answered };
    switch (question.type) {
      case 'rating':
      case 'nps': {
        const distribution = scaleDistribution(question.type, counts);
        return { ...base, average: distributionAverage(distribution), distribution };
      }
      case 'choice':
        return {
          ...base,
          average: null,
          distribution: (question.options ?? []).map((option) => ({
            value: option.value,
            label: localized(option.label, 'zh'),
            count: counts.get(option.value) ?? 0,
          })),
        };
      case 'text':
        return { ...base, average: null, distribution: [] };
    }
  });
}
