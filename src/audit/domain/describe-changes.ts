import { canonicalJson } from './hash-chain';

/** The audit record of an update: each changed field with its old and new value; secrets only as "changed". */
export function describeChanges<T extends object>(
  before: T,
  after: T,
  fields: readonly (keyof T)[],
  secretFields: readonly (keyof T)[] = [],
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const field of fields) {
    const from = before[field];
    const to = after[field];
    const same =
      from === undefined || to === undefined ? from === to : canonicalJson(from) === canonicalJson(to);
    if (same) continue;
    changes[String(field)] = secretFields.includes(field) ? { changed: true } : { from, to };
  }
  return changes;
}
