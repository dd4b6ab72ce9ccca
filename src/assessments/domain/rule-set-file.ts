import type { FieldProblem } from '../../common/errors/validation-errors';
import { type ColumnSpec, matchColumns } from '../../imports/domain/columns';
import type { Cell, Sheet } from '../../imports/domain/spreadsheet';
import type { DraftItem, DraftOption, RuleSetDraft } from './rule-set';

/**
 * A certification body's checklist as a file, in one of two formats, read into a draft that
 * checkRuleSet() judges. Both carry the same things:
 *
 * JSON: `{ "name", "indicative"?, "options"?: { <option>: value }, "items": [ { "code", "indicator",
 * "category"?, "title", "points", "type", "evidence"?: [codes] } ] }`; problems are named like
 * `items[3].points` (counting from 0) or `options.decimals`.
 *
 * XLSX: a sheet `items` (or `评分项`; else the first sheet) with a header row naming the columns
 * category / indicator / code / title / points / type / evidence (Chinese headers 类别 / 指标 / 编号 /
 * 评分项 / 分值 / 类型 / 证据 also work), one item per row; and a sheet `options` (or `选项`) with the
 * columns key / value (键 / 值), one row each for `name`, `indicative` and any option. Problems are
 * named like `items[row 5].points`, the row number the spreadsheet shows.
 */
export type DraftRead = { ok: true; draft: RuleSetDraft } | { ok: false; problems: FieldProblem[] };

const fileProblem = (message: string): DraftRead => ({
  ok: false,
  problems: [{ field: 'file', problems: [message] }],
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ITEM_FIELDS = ['code', 'indicator', 'category', 'title', 'points', 'type', 'evidence'] as const;

export function draftFromJson(value: unknown): DraftRead {
  if (!isObject(value)) return fileProblem('the JSON file must hold one object with name, options and items');
  const unknownTop = Object.keys(value).filter(
    (key) => !['name', 'indicative', 'options', 'items'].includes(key),
  );
  if (unknownTop.length > 0) return fileProblem(`unknown fields: ${unknownTop.join(', ')}`);
  const { items, options } = value;
  if (!Array.isArray(items)) {
    return { ok: false, problems: [{ field: 'items', problems: ['items must be a list of items'] }] };
  }
  if (options !== undefined && !isObject(options)) {
    return { ok: false, problems: [{ field: 'options', problems: ['options must be an object'] }] };
  }
  const problems: FieldProblem[] = [];
  const draftItems: DraftItem[] = items.map((item, index) => {
    const at = `items[${index}]`;
    if (!isObject(item)) {
      problems.push({ field: at, problems: ['each item must be an object'] });
      return { at };
    }
    const unknown = Object.keys(item).filter((key) => !(ITEM_FIELDS as readonly string[]).includes(key));
    if (unknown.length > 0) problems.push({ field: at, problems: [`unknown fields: ${unknown.join(', ')}`] });
    return { at, ...item };
  });
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      name: value.name,
      nameAt: 'name',
      indicative: value.indicative,
      indicativeAt: 'indicative',
      items: draftItems,
      options: Object.entries(options ?? {}).map(([key, entry]) => ({
        at: `options.${key}`,
        key,
        value: entry,
      })),
    },
  };
}

const ITEM_COLUMNS: readonly ColumnSpec[] = [
  { field: 'category', headers: ['category', '类别', '大类'], type: 'text' },
  { field: 'indicator', headers: ['indicator', '指标'], type: 'text' },
  { field: 'code', headers: ['code', 'item code', 'item', '编号', '评分项编号'], type: 'text' },
  { field: 'title', headers: ['title', '评分项', '内容', '要求'], type: 'text' },
  { field: 'points', headers: ['points', '分值', '分数'], type: 'decimal' },
  { field: 'type', headers: ['type', '类型', '评分方式'], type: 'text' },
  { field: 'evidence', headers: ['evidence', '证据', '证据类型'], type: 'text' },
];
const REQUIRED_ITEM_COLUMNS = ['indicator', 'code', 'title', 'points', 'type'];
const OPTION_COLUMNS: readonly ColumnSpec[] = [
  { field: 'key', headers: ['key', 'option', '键', '选项', '参数'], type: 'text' },
  { field: 'value', headers: ['value', '值'], type: 'text' },
];
const ITEM_SHEETS = ['items', '评分项'];
const OPTION_SHEETS = ['options', '选项'];

type NamedSheet = { name: string; sheet: Sheet };

function sheetNamed(sheets: readonly NamedSheet[], names: readonly string[]): NamedSheet | undefined {
  return sheets.find((entry) => names.includes(entry.name.trim().toLowerCase()));
}

/** The cells of a row by field, through the header match. */
function rowFields(cells: readonly Cell[], byIndex: Map<number, ColumnSpec>): Record<string, Cell> {
  const fields: Record<string, Cell> = {};
  byIndex.forEach((spec, index) => {
    fields[spec.field] = cells[index] ?? null;
  });
  return fields;
}

function columnProblems(sheetField: string, match: ReturnType<typeof matchColumns>, required: string[]) {
  const present = new Set([...match.byIndex.values()].map((spec) => spec.field));
  const problems: FieldProblem[] = [];
  const missing = required.filter((field) => !present.has(field));
  if (missing.length > 0)
    problems.push({ field: sheetField, problems: [`missing columns: ${missing.join(', ')}`] });
  if (match.duplicated.length > 0) {
    problems.push({ field: sheetField, problems: [`columns named twice: ${match.duplicated.join(', ')}`] });
  }
  return problems;
}

export function draftFromSheets(sheets: readonly NamedSheet[]): DraftRead {
  const optionsSheet = sheetNamed(sheets, OPTION_SHEETS);
  const itemsSheet = sheetNamed(sheets, ITEM_SHEETS) ?? sheets.find((entry) => entry !== optionsSheet);
  if (!itemsSheet) return fileProblem('the workbook needs a sheet "items" with one scoring item per row');

  const itemMatch = matchColumns(itemsSheet.sheet.headers, ITEM_COLUMNS);
  const problems = columnProblems('items', itemMatch, REQUIRED_ITEM_COLUMNS);
  const items: DraftItem[] = itemsSheet.sheet.rows.map((row) => ({
    at: `items[row ${row.row}]`,
    ...rowFields(row.cells, itemMatch.byIndex),
  }));

  let name: { value: unknown; at: string } = { value: undefined, at: 'options.name' };
  let indicative: { value: unknown; at: string } = { value: undefined, at: 'options.indicative' };
  const options: DraftOption[] = [];
  if (optionsSheet) {
    const optionMatch = matchColumns(optionsSheet.sheet.headers, OPTION_COLUMNS);
    problems.push(...columnProblems('options', optionMatch, ['key', 'value']));
    for (const row of optionsSheet.sheet.rows) {
      const { key, value } = rowFields(row.cells, optionMatch.byIndex);
      const at = `options[row ${row.row}]`;
      const keyText =
        typeof key === 'string' ? key.trim() : key === null || key === undefined ? '' : String(key);
      if (keyText === 'name') name = { value, at };
      else if (keyText === 'indicative') indicative = { value, at };
      else options.push({ at, key: keyText, value });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    draft: {
      name: name.value,
      nameAt: name.at,
      indicative: indicative.value,
      indicativeAt: indicative.at,
      items,
      options,
    },
  };
}
