import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource, QueryFailedError } from 'typeorm';
import type { RequestContext } from '../auth/authenticated-user';
import { hasAnyRole } from '../auth/authenticated-user';
import { DomainError } from '../common/errors/domain-error';
import { FieldProblem, fieldProblems, invalidFields } from '../common/errors/validation-errors';
import { toDomainError } from '../common/errors/http-exception.filter';
import { Tx, inTransaction } from '../common/database/transaction';
import { ColumnSpec, convertCell, matchColumns } from './domain/columns';
import { Sheet, SheetRow, SpreadsheetError, readSheet, sheetFormat } from './domain/spreadsheet';
import { ImportKind, ImportTarget } from './import-target';
import { ImportTargets } from './import-targets';

/** Large enough for a company's whole customer list, small enough to answer within a request. */
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportFile {
  originalname: string;
  mimetype: string;
  buffer: Buffer;
}

export interface RowError {
  row: number;
  /** The column as the file names it (or the usual header when the file lacks the column). */
  column: string | null;
  field: string | null;
  message: string;
}

export interface RowOutcome {
  row: number;
  action: 'create' | 'update' | 'unchanged';
  key: string | null;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  fileName: string;
  totalRows: number;
  /** Whether the rows were written: only a real run without a single error writes, and then all rows. */
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  ignoredColumns: string[];
  rows: RowOutcome[];
  errors: RowError[];
}

/** Thrown inside the transaction to undo a dry run, or a real run with errors. */
class RollBack extends Error {}

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: ImportTargets,
  ) {}

  /**
   * Runs every row through the register's own use cases inside one transaction, each row behind a
   * savepoint so that one bad row does not hide the next one's problems. A dry run always rolls back;
   * a real run commits only when no row has an error. So the dry run reports exactly what the real
   * run would do, including what only the database or the use case can tell (duplicates, lookups).
   */
  async run(
    kind: ImportKind,
    file: ImportFile,
    dryRun: boolean,
    context: RequestContext,
  ): Promise<ImportReport> {
    const target = this.targets.get(kind);
    if (!hasAnyRole(context.user, target.writeRoles)) {
      throw new DomainError(
        'FORBIDDEN',
        `Importing ${kind} needs one of the roles ${target.writeRoles.join(', ')}`,
      );
    }
    const sheet = await this.read(file);
    const match = matchColumns(sheet.headers, target.columns);
    const fileProblems = this.checkFile(sheet, match.duplicated, target, [...match.byIndex.values()]);
    if (fileProblems.length > 0) throw invalidFields([{ field: 'file', problems: fileProblems }]);

    const report: ImportReport = {
      kind,
      dryRun,
      fileName: file.originalname,
      totalRows: sheet.rows.length,
      applied: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      ignoredColumns: match.ignored,
      rows: [],
      errors: [],
    };
    const headerOf = columnHeaders(sheet.headers, match.byIndex, target.columns);
    try {
      await inTransaction(this.dataSource, async (tx) => {
        const keysSeen = new Map<string, number>();
        for (const row of sheet.rows) {
          const problems = await this.importRow(tx, target, match.byIndex, row, keysSeen, report, context);
          for (const problem of problems) {
            report.errors.push({
              row: row.row,
              column: problem.field === null ? null : (headerOf(problem.field) ?? problem.field),
              field: problem.field,
              message: problem.problems.join('; '),
            });
          }
        }
        if (dryRun || report.errors.length > 0) throw new RollBack();
      });
      report.applied = true;
    } catch (error) {
      if (!(error instanceof RollBack)) throw error;
    }
    for (const outcome of report.rows) {
      if (outcome.action === 'create') report.created += 1;
      else if (outcome.action === 'update') report.updated += 1;
      else report.unchanged += 1;
    }
    return report;
  }

  private async read(file: ImportFile): Promise<Sheet> {
    const format = sheetFormat(file.originalname, file.mimetype);
    if (format === null) {
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Import files must be .csv or .xlsx', {
        field: 'file',
      });
    }
    try {
      return await readSheet(file.buffer, format);
    } catch (error) {
      if (error instanceof SpreadsheetError)
        throw invalidFields([{ field: 'file', problems: [error.message] }]);
      throw error;
    }
  }

  private checkFile(
    sheet: Sheet,
    duplicated: string[],
    target: ImportTarget,
    present: ColumnSpec[],
  ): string[] {
    const problems: string[] = [];
    if (sheet.rows.length === 0) problems.push('The file has no data rows');
    if (sheet.rows.length > MAX_IMPORT_ROWS) problems.push(`At most ${MAX_IMPORT_ROWS} rows per file`);
    for (const field of duplicated) problems.push(`More than one column fills ${field}`);
    if (target.keyRequired && !present.some((spec) => spec.field === target.keyField)) {
      const key = target.columns.find((spec) => spec.field === target.keyField);
      problems.push(`The key column ${key?.headers.join(' / ') ?? target.keyField} is missing`);
    }
    return problems;
  }

  /** Imports one row behind a savepoint; returns its problems (and leaves no trace of it when there are any). */
  private async importRow(
    tx: Tx,
    target: ImportTarget,
    columns: Map<number, ColumnSpec>,
    row: SheetRow,
    keysSeen: Map<string, number>,
    report: ImportReport,
    context: RequestContext,
  ): Promise<{ field: string | null; problems: string[] }[]> {
    const fields: Record<string, unknown> = {};
    const problems: FieldProblem[] = [];
    for (const [index, spec] of columns) {
      const converted = convertCell(row.cells[index] ?? null, spec);
      if (!converted.ok) problems.push({ field: spec.field, problems: [converted.problem] });
      else if (converted.value !== undefined) fields[spec.field] = converted.value;
    }
    if (problems.length > 0) return problems;
    const key = typeof fields[target.keyField] === 'string' ? (fields[target.keyField] as string) : null;
    if (target.keyRequired && key === null) {
      return [{ field: target.keyField, problems: [`${target.keyField} must be given`] }];
    }
    if (key !== null) {
      const earlier = keysSeen.get(key.toLowerCase());
      if (earlier !== undefined) return [{ field: target.keyField, problems: [`Repeats row ${earlier}`] }];
      keysSeen.set(key.toLowerCase(), row.row);
    }

    await tx.query('SAVEPOINT import_row');
    try {
      const rowProblems = await this.applyRow(tx, target, fields, key, row.row, report, context);
      await tx.query(
        rowProblems.length > 0 ? 'ROLLBACK TO SAVEPOINT import_row' : 'RELEASE SAVEPOINT import_row',
      );
      return rowProblems;
    } catch (error) {
      const known =
        error instanceof QueryFailedError || error instanceof DomainError ? toDomainError(error) : null;
      if (!known) throw error;
      await tx.query('ROLLBACK TO SAVEPOINT import_row');
      return problemsOf(known);
    }
  }

  private async applyRow(
    tx: Tx,
    target: ImportTarget,
    fields: Record<string, unknown>,
    key: string | null,
    rowNumber: number,
    report: ImportReport,
    context: RequestContext,
  ): Promise<FieldProblem[]> {
    const lookupProblems = (await target.resolve?.(tx, fields, context)) ?? [];
    if (lookupProblems.length > 0) return lookupProblems;
    const existing = key === null ? null : await target.findByKey(tx, key);
    const dto = plainToInstance(existing ? target.updateDto : target.createDto, fields);
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length > 0) return fieldProblems(errors);
    if (existing) {
      const saved = await target.update(tx, existing.id, dto, context);
      report.rows.push({
        row: rowNumber,
        action: saved.version === existing.version ? 'unchanged' : 'update',
        key,
      });
    } else {
      await target.create(tx, dto, context);
      report.rows.push({ row: rowNumber, action: 'create', key });
    }
    return [];
  }
}

/** A use case's refusal, as row problems: per field when it names fields, else for the whole row. */
function problemsOf(error: DomainError): { field: string | null; problems: string[] }[] {
  const details = error.details as { fields?: FieldProblem[]; field?: string } | undefined;
  if (details?.fields) return details.fields;
  return [{ field: details?.field ?? null, problems: [error.message] }];
}

/** The header text of each field as the file names it, falling back to the usual Chinese header. */
function columnHeaders(
  headers: readonly string[],
  byIndex: Map<number, ColumnSpec>,
  specs: readonly ColumnSpec[],
): (field: string) => string | undefined {
  const named = new Map<string, string>();
  for (const [index, spec] of byIndex) named.set(spec.field, headers[index] ?? spec.field);
  return (field) => {
    const top = field.split('.')[0] ?? field;
    return named.get(top) ?? specs.find((spec) => spec.field === top)?.headers[0];
  };
}
