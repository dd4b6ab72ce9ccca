import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { canSeeOutletRecord } from '../../auth/domain/outlet-scope';
import { invalidFields, type FieldProblem } from '../errors/validation-errors';

/** A record a request names by id, and the request field that named it (for the 400). */
export interface Reference {
  id: string;
  field: string;
}

export interface Lookup<T> {
  found: Map<string, T>;
  /** One per reference that does not exist or lies outside the acting user's outlet. */
  problems: FieldProblem[];
}

/** The distinct ids a set of references names, to load in one query. */
export function referencedIds(references: readonly Reference[]): string[] {
  return [...new Set(references.map((reference) => reference.id))];
}

/**
 * Matches loaded records to the references that named them. An outlet-bound user cannot tell another
 * outlet's record from none: both are "must be an existing …".
 */
export function matchReferences<T extends { id: string }>(
  rows: readonly T[],
  outletOf: (row: T) => string | null,
  label: string,
  viewer: AuthenticatedUser,
  references: readonly Reference[],
): Lookup<T> {
  const found = new Map(
    rows.filter((row) => canSeeOutletRecord(viewer, outletOf(row))).map((row) => [row.id, row]),
  );
  const problems = references
    .filter((reference) => !found.has(reference.id))
    .map(({ field }) => ({ field, problems: [`must be an existing ${label}`] }));
  return { found, problems };
}

/** One 400 naming every reference that was not found. */
export function assertFound(...lookups: Lookup<unknown>[]): void {
  const problems = lookups.flatMap((lookup) => lookup.problems);
  if (problems.length > 0) throw invalidFields(problems);
}
