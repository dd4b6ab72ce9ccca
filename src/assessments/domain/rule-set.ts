import type { FieldProblem } from '../../common/errors/validation-errors';
import { EVIDENCE_CODES, type EvidenceCode, type Indicator } from '../../evidence/domain/evidence-types';
import { CATEGORY_OF, type Category, categoryNamed, indicatorNamed } from './standard';
import { compare, fromDecimal, sum } from './rational';

/**
 * A rule set: the scoring items of a certification body's checklist under the standard's indicators,
 * and the scoring options. Stored as immutable, numbered versions; an assessment keeps the version it
 * was made with.
 */
export const ITEM_TYPES = ['qualitative', 'sampled'] as const;
/** qualitative: conforms or not, a non-conformity loses all its points; sampled: loses points × k / n. */
export type ItemType = (typeof ITEM_TYPES)[number];

export const ADJUSTMENT_ORDERS = ['after_normalisation', 'before_normalisation'] as const;
/**
 * When special deductions and the bonus apply: to the score out of 100 (after normalisation, the
 * default), or to the points earned before they are scaled to 100.
 */
export type AdjustmentOrder = (typeof ADJUSTMENT_ORDERS)[number];

export interface RuleSetItem {
  code: string;
  indicator: Indicator;
  title: string;
  points: number;
  type: ItemType;
  /** Evidence types (GBT27922.md §3) the auditor checks for this item. */
  evidence: EvidenceCode[];
}

export interface ScoringOptions {
  /** What the items' points add up to. */
  totalPoints: number;
  adjustmentsApplied: AdjustmentOrder;
  /** Decimals of the score as shown (cut, never rounded up); comparisons use the exact score. */
  decimals: number;
  /** Lowest final score of each result (compared with ≥). */
  compliantAt: number;
  threeStarAt: number;
  fourStarAt: number;
  fiveStarAt: number;
  specialDeductionPoints: number;
  specialBonusPoints: number;
  maxSpecialBonuses: number;
  /** This many special deductions or more: not certified, whatever the score. */
  notCertifiedDeductions: number;
  /** Records drawn for a sampled item's suggestion. */
  sampleSize: number;
}

export interface RuleSetDefinition {
  items: RuleSetItem[];
  options: ScoringOptions;
}

/** A rule set as a file describes it, before it is checked. */
export interface RuleSetContent {
  name: string;
  indicative: boolean;
  definition: RuleSetDefinition;
}

/** The figures of GBT27922.md §2, used for every option a file leaves out. */
export const DEFAULT_OPTIONS: ScoringOptions = {
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

export const OPTION_KEYS = Object.keys(DEFAULT_OPTIONS) as (keyof ScoringOptions)[];

export const NAME_MAX_LENGTH = 200;
export const ITEM_TITLE_MAX_LENGTH = 500;
const ITEM_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const ITEM_TYPE_NAMES: Readonly<Record<string, ItemType>> = {
  qualitative: 'qualitative',
  sampled: 'sampled',
  定性: 'qualitative',
  抽样: 'sampled',
};

/** One item row of a file: its cells as read, and where it is, to name it in a problem. */
export interface DraftItem {
  /** The field path of the row in problems: `items[3]` (JSON) or `items[row 5]` (XLSX). */
  at: string;
  category?: unknown;
  indicator?: unknown;
  code?: unknown;
  title?: unknown;
  points?: unknown;
  type?: unknown;
  evidence?: unknown;
}

export interface DraftOption {
  /** The field path of the option in problems: `options.decimals` or `options[row 3]`. */
  at: string;
  key: string;
  value: unknown;
}

export interface RuleSetDraft {
  name: unknown;
  /** Where the name is, for problems: `name` or `options[row 2]`. */
  nameAt: string;
  indicative: unknown;
  indicativeAt: string;
  items: DraftItem[];
  options: DraftOption[];
}

export type RuleSetCheck = { ok: true; content: RuleSetContent } | { ok: false; problems: FieldProblem[] };

function text(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function numberOf(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(value * 100 - Math.round(value * 100)) < 1e-9;
}

function booleanOf(value: unknown): boolean | null {
  if (value === undefined || value === null || value === '') return false;
  if (typeof value === 'boolean') return value;
  const word = text(value)?.toLowerCase() ?? '';
  if (['true', 'yes', '1', '是'].includes(word)) return true;
  if (['false', 'no', '0', '否'].includes(word)) return false;
  return null;
}

/** Evidence codes as a list, or as text separated by commas, 、 or blanks. */
function evidenceList(value: unknown): string[] | null {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value.every((entry) => typeof entry === 'string') ? value : null;
  if (typeof value === 'string') return value.split(/[\s,，、;；]+/).filter((entry) => entry.length > 0);
  return null;
}

/**
 * Checks a rule set read from a file and gives it its stored form; every problem names the row and the
 * field, so a manager can correct the file: unknown indicators, categories, types and evidence codes,
 * item codes that are missing or repeated, points that are not positive, and items whose points do
 * not add up to the total.
 */
export function checkRuleSet(draft: RuleSetDraft): RuleSetCheck {
  const problems: FieldProblem[] = [];
  const problem = (field: string, message: string) => {
    const existing = problems.find((entry) => entry.field === field);
    if (existing) existing.problems.push(message);
    else problems.push({ field, problems: [message] });
  };

  const name = text(draft.name);
  if (name === null) problem(draft.nameAt, 'name is required');
  else if (name.length > NAME_MAX_LENGTH)
    problem(draft.nameAt, `name must be at most ${NAME_MAX_LENGTH} characters`);
  const indicative = booleanOf(draft.indicative);
  if (indicative === null) problem(draft.indicativeAt, 'indicative must be true or false');

  const options = checkOptions(draft.options, problem);

  if (draft.items.length === 0) problem('items', 'a rule set needs at least one item');
  const items: RuleSetItem[] = [];
  const seen = new Map<string, string>();
  for (const row of draft.items) {
    const field = (name: string) => `${row.at}.${name}`;
    const code = text(row.code);
    if (code === null) problem(field('code'), 'code is required');
    else if (!ITEM_CODE.test(code)) {
      problem(field('code'), 'code must be 1-40 letters, digits, dots, dashes or underscores');
    } else if (seen.has(code.toLowerCase())) {
      problem(field('code'), `code ${code} is already used by ${seen.get(code.toLowerCase())}`);
    } else seen.set(code.toLowerCase(), row.at);

    const indicatorName = text(row.indicator);
    const indicator = indicatorName === null ? null : indicatorNamed(indicatorName);
    if (indicator === null) {
      problem(
        field('indicator'),
        'indicator must be one of the 15 GB/T 27922 indicators (code or Chinese name)',
      );
    }
    const categoryName = text(row.category);
    if (categoryName !== null) {
      const category: Category | null = categoryNamed(categoryName);
      if (category === null) {
        problem(
          field('category'),
          'category must be one of the 3 GB/T 27922 categories (code or Chinese name)',
        );
      } else if (indicator !== null && CATEGORY_OF[indicator] !== category) {
        problem(field('category'), `indicator ${indicator} belongs to category ${CATEGORY_OF[indicator]}`);
      }
    }

    const title = text(row.title);
    if (title === null) problem(field('title'), 'title is required');
    else if (title.length > ITEM_TITLE_MAX_LENGTH) {
      problem(field('title'), `title must be at most ${ITEM_TITLE_MAX_LENGTH} characters`);
    }

    const points = numberOf(row.points);
    if (points === null || points <= 0 || points > 1000 || !hasAtMostTwoDecimals(points)) {
      problem(field('points'), 'points must be a number above 0 with at most two decimals');
    }

    const typeName = text(row.type);
    const type = typeName === null ? undefined : ITEM_TYPE_NAMES[typeName.toLowerCase()];
    if (type === undefined) problem(field('type'), 'type must be qualitative (定性) or sampled (抽样)');

    const evidence = evidenceList(row.evidence);
    const unknown = evidence?.filter((entry) => !EVIDENCE_CODES.includes(entry as EvidenceCode));
    if (evidence === null) problem(field('evidence'), 'evidence must be a list of evidence type codes');
    else if (unknown && unknown.length > 0)
      problem(field('evidence'), `unknown evidence types: ${unknown.join(', ')}`);

    if (code && indicator && title && points !== null && type && evidence) {
      items.push({
        code,
        indicator,
        title,
        points,
        type,
        evidence: [...new Set(evidence)] as EvidenceCode[],
      });
    }
  }

  if (options && items.length === draft.items.length && items.length > 0) {
    const total = sum(items.map((item) => fromDecimal(item.points)));
    if (compare(total, fromDecimal(options.totalPoints)) !== 0) {
      const shown = items.reduce((acc, item) => acc + item.points, 0);
      problem(
        'items',
        `the items' points add up to ${+shown.toFixed(2)}, not ${options.totalPoints} (totalPoints)`,
      );
    }
  }

  if (problems.length > 0 || !name || indicative === null || !options) return { ok: false, problems };
  return { ok: true, content: { name, indicative, definition: { items, options } } };
}

type Report = (field: string, message: string) => void;

function checkOptions(entries: readonly DraftOption[], problem: Report): ScoringOptions | null {
  const options: ScoringOptions = { ...DEFAULT_OPTIONS };
  const before = new Set<string>();
  let valid = true;
  const refuse = (at: string, message: string) => {
    valid = false;
    problem(at, message);
  };
  const whole = (entry: DraftOption, min: number, max: number): number | null => {
    const value = numberOf(entry.value);
    if (value === null || !Number.isInteger(value) || value < min || value > max) {
      refuse(entry.at, `${entry.key} must be a whole number from ${min} to ${max}`);
      return null;
    }
    return value;
  };
  const positive = (entry: DraftOption, min: number): number | null => {
    const value = numberOf(entry.value);
    if (value === null || value < min || value > 1000 || !hasAtMostTwoDecimals(value)) {
      refuse(entry.at, `${entry.key} must be a number from ${min} with at most two decimals`);
      return null;
    }
    return value;
  };
  for (const entry of entries) {
    if (before.has(entry.key)) {
      refuse(entry.at, `option ${entry.key} is given twice`);
      continue;
    }
    before.add(entry.key);
    switch (entry.key as keyof ScoringOptions) {
      case 'adjustmentsApplied': {
        const value = text(entry.value);
        if (value === null || !ADJUSTMENT_ORDERS.includes(value as AdjustmentOrder)) {
          refuse(entry.at, `adjustmentsApplied must be one of ${ADJUSTMENT_ORDERS.join(', ')}`);
        } else options.adjustmentsApplied = value as AdjustmentOrder;
        break;
      }
      case 'decimals':
        options.decimals = whole(entry, 0, 4) ?? options.decimals;
        break;
      case 'maxSpecialBonuses':
        options.maxSpecialBonuses = whole(entry, 0, 10) ?? options.maxSpecialBonuses;
        break;
      case 'notCertifiedDeductions':
        options.notCertifiedDeductions = whole(entry, 1, 100) ?? options.notCertifiedDeductions;
        break;
      case 'sampleSize':
        options.sampleSize = whole(entry, 1, 50) ?? options.sampleSize;
        break;
      case 'totalPoints':
        options.totalPoints = positive(entry, 0.01) ?? options.totalPoints;
        break;
      case 'specialDeductionPoints':
        options.specialDeductionPoints = positive(entry, 0.01) ?? options.specialDeductionPoints;
        break;
      case 'specialBonusPoints':
        options.specialBonusPoints = positive(entry, 0) ?? options.specialBonusPoints;
        break;
      case 'compliantAt':
      case 'threeStarAt':
      case 'fourStarAt':
      case 'fiveStarAt': {
        const key = entry.key as 'compliantAt' | 'threeStarAt' | 'fourStarAt' | 'fiveStarAt';
        options[key] = positive(entry, 0.01) ?? options[key];
        break;
      }
      default:
        refuse(entry.at, `unknown option ${entry.key}; known: ${OPTION_KEYS.join(', ')}`);
    }
  }
  const thresholds = [options.compliantAt, options.threeStarAt, options.fourStarAt, options.fiveStarAt];
  if (valid && thresholds.some((value, index) => index > 0 && value <= (thresholds[index - 1] ?? 0))) {
    refuse('options', 'thresholds must rise: compliantAt < threeStarAt < fourStarAt < fiveStarAt');
  }
  return valid ? options : null;
}
