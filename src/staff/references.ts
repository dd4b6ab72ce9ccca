import type { EntityTarget } from 'typeorm';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { canSeeOutletRecord } from '../auth/domain/outlet-scope';
import type { Tx } from '../common/database/transaction';
import { invalidFields, type FieldProblem } from '../common/errors/validation-errors';
import { CustomerEntity } from '../customers/customer.entity';
import { OutletEntity } from '../outlets/outlet.entity';
import { UserEntity } from '../users/user.entity';

export interface Reference {
  id: string;
  /** The request field that named it, for the 400. */
  field: string;
}

export interface Lookup<T> {
  found: Map<string, T>;
  /** One per reference that does not exist or lies outside the acting user's outlet. */
  problems: FieldProblem[];
}

/** Loads the records a request refers to; an outlet-bound user cannot tell another outlet's from none. */
async function lookUp<T extends { id: string }>(
  tx: Tx,
  entity: EntityTarget<T>,
  label: string,
  outletOf: (record: T) => string | null,
  viewer: AuthenticatedUser,
  references: readonly Reference[],
): Promise<Lookup<T>> {
  const ids = [...new Set(references.map((reference) => reference.id))];
  const rows =
    ids.length === 0
      ? []
      : await tx.getRepository(entity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).getMany();
  const found = new Map(
    rows.filter((row) => canSeeOutletRecord(viewer, outletOf(row))).map((row) => [row.id, row]),
  );
  const problems = references
    .filter((reference) => !found.has(reference.id))
    .map(({ field }) => ({ field, problems: [`must be an existing ${label}`] }));
  return { found, problems };
}

export const findUsers = (tx: Tx, viewer: AuthenticatedUser, references: readonly Reference[]) =>
  lookUp(tx, UserEntity, 'user', (user) => user.outletId, viewer, references);

export const findCustomers = (tx: Tx, viewer: AuthenticatedUser, references: readonly Reference[]) =>
  lookUp(tx, CustomerEntity, 'customer', (customer) => customer.outletId, viewer, references);

/** One 400 naming every reference that was not found. */
export function assertFound(...lookups: Lookup<unknown>[]): void {
  const problems = lookups.flatMap((lookup) => lookup.problems);
  if (problems.length > 0) throw invalidFields(problems);
}

/**
 * The outlet a new or changed record belongs to: outlet-bound users keep records in their own outlet
 * (so they can still see them); others may name any existing outlet, or none for head office.
 */
export async function outletForRecord(
  tx: Tx,
  viewer: AuthenticatedUser,
  requested: string | null | undefined,
): Promise<string | null> {
  const outletId = requested ?? viewer.outletId;
  if (outletId !== null) {
    assertFound(
      await lookUp(tx, OutletEntity, 'outlet', (outlet) => outlet.id, viewer, [
        { id: outletId, field: 'outletId' },
      ]),
    );
  }
  return outletId;
}
