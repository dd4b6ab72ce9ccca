import type { ClassConstructor } from 'class-transformer';
import type { RequestContext } from '../auth/authenticated-user';
import type { FieldProblem } from '../common/errors/validation-errors';
import type { Tx } from '../common/database/transaction';
import type { Role } from '../users/domain/roles';
import type { ColumnSpec } from './domain/columns';

export const IMPORT_KINDS = ['customers', 'products', 'parts', 'assets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ImportedRecord {
  id: string;
  version: number;
}

/** A register that takes spreadsheet rows: its columns, its natural key and its use cases. */
export interface ImportTarget {
  kind: ImportKind;
  writeRoles: readonly Role[];
  columns: readonly ColumnSpec[];
  /** The field that finds an existing record (sku, code, serial number): a match is updated, not created. */
  keyField: string;
  /** Whether every row must carry the key (customers get a generated code when theirs is missing). */
  keyRequired: boolean;
  createDto: ClassConstructor<object>;
  updateDto: ClassConstructor<object>;
  /** Replaces lookup columns (e.g. a product's sku) by the ids the record takes; problems per field. */
  resolve?(tx: Tx, fields: Record<string, unknown>, context: RequestContext): Promise<FieldProblem[]>;
  findByKey(tx: Tx, key: string): Promise<ImportedRecord | null>;
  create(tx: Tx, dto: object, context: RequestContext): Promise<ImportedRecord>;
  update(tx: Tx, id: string, dto: object, context: RequestContext): Promise<ImportedRecord>;
}
