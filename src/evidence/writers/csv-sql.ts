import { escapeLiteral } from 'pg';
import type { Language } from '../../common/errors/error-messages';
import type { ExportColumn } from '../domain/export-table';
import { guardFormula } from './csv-writer';

/**
 * A column's value formatted by PostgreSQL exactly as formatCell and the CSV writer write it, so that
 * a CSV register can come straight out of `COPY … TO STDOUT` without each row being parsed into an
 * object and formatted again in Node. Null when the kind has no SQL form here (lists, decimals): the
 * register is then written row by row instead. Empty text is written as NULL, which COPY leaves
 * unquoted, as the row-by-row writer does.
 */
export function sqlCell(
  column: ExportColumn,
  expression: string,
  language: Language,
  zone: string,
): string | null {
  switch (column.kind) {
    case 'text':
      return labelledSql(`CAST(${expression} AS text)`, column, language);
    case 'integer':
      return `CAST(${expression} AS text)`;
    case 'money':
      return `to_char(round(CAST(${expression} AS numeric), 2), 'FM999999999999990.00')`;
    case 'date':
      return `CAST(${expression} AS text)`;
    case 'datetime':
      return `to_char(${expression} AT TIME ZONE ${escapeLiteral(zone)}, 'YYYY-MM-DD HH24:MI')`;
    case 'boolean':
      return language === 'en'
        ? `CASE ${expression} WHEN true THEN 'Yes' WHEN false THEN 'No' END`
        : `CASE ${expression} WHEN true THEN '是' WHEN false THEN '否' END`;
    case 'decimal':
    case 'list':
      return null;
  }
}

/**
 * A coded value as its words, else as it is. The words are ours, guarded here once, so PostgreSQL
 * guards only the values that have none.
 */
function labelledSql(text: string, column: ExportColumn, language: Language): string {
  const labels = Object.entries(column.values ?? {});
  if (labels.length === 0) return guardedText(text);
  const branches = labels.map(
    ([code, words]) => `WHEN ${escapeLiteral(code)} THEN ${wordsSql(guardFormula(words[language]))}`,
  );
  return `CASE ${text} ${branches.join(' ')} ELSE ${guardedText(text)} END`;
}

function wordsSql(words: string): string {
  return words === '' ? 'NULL' : escapeLiteral(words);
}

/** As guardFormula: text that a spreadsheet would run as a formula gets a leading apostrophe. */
function guardedText(text: string): string {
  return (
    `CASE WHEN left(${text}, 1) IN ('=', '+', '-', '@', chr(9), chr(13)) THEN '''' || ${text} ` +
    `ELSE NULLIF(${text}, '') END`
  );
}
