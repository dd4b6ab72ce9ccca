import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but the hashes themselves). */
export interface ChainedFields {
  seq: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  changes: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every depth, so the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

export function entryHash(prevHash: string, fields: ChainedFields): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(fields)).digest('hex');
}

export interface StoredEntry extends ChainedFields {
  prevHash: string;
  hash: string;
}

export interface ChainCursor {
  /** Hash of the last entry accepted so far. */
  lastHash: string;
  /** Sequence expected next. */
  nextSeq: bigint;
}

export const CHAIN_START: ChainCursor = { lastHash: GENESIS_HASH, nextSeq: 1n };

/**
 * Checks one entry against the chain so far: it must carry the next sequence,
 * point at the previous hash and hash to what it stores.
 */
export function checkEntry(cursor: ChainCursor, entry: StoredEntry): ChainCursor | null {
  if (BigInt(entry.seq) !== cursor.nextSeq) return null;
  if (entry.prevHash !== cursor.lastHash) return null;
  const { prevHash, hash, ...fields } = entry;
  if (entryHash(prevHash, fields) !== hash) return null;
  return { lastHash: hash, nextSeq: cursor.nextSeq + 1n };
}
