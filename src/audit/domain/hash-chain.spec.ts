import {
  CHAIN_START,
  ChainCursor,
  ChainedFields,
  GENESIS_HASH,
  StoredEntry,
  canonicalJson,
  checkEntry,
  entryHash,
} from './hash-chain';

function fields(seq: number, overrides: Partial<ChainedFields> = {}): ChainedFields {
  return {
    seq: String(seq),
    at: `2024-05-01T08:00:0${seq % 10}.000Z`,
    actorId: 'user-1',
    actorName: 'alice',
    action: 'user.update',
    entityType: 'user',
    entityId: `entity-${seq}`,
    changes: { displayName: { from: 'A', to: `B${seq}` } },
    requestId: `req-${seq}`,
    ...overrides,
  };
}

/** A well-formed chain of n entries, built the way the service builds it. */
function buildChain(n: number): StoredEntry[] {
  const chain: StoredEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const entryFields = fields(seq);
    const hash = entryHash(prevHash, entryFields);
    chain.push({ ...entryFields, prevHash, hash });
    prevHash = hash;
  }
  return chain;
}

/** Runs checkEntry along the chain; returns how many entries were accepted before the first refusal. */
function acceptedCount(chain: StoredEntry[]): number {
  let cursor: ChainCursor = CHAIN_START;
  for (const [index, entry] of chain.entries()) {
    const next = checkEntry(cursor, entry);
    if (!next) return index;
    cursor = next;
  }
  return chain.length;
}

function entryAt(chain: StoredEntry[], index: number): StoredEntry {
  const entry = chain[index];
  if (!entry) throw new Error(`no entry ${index}`);
  return entry;
}

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [null, 'null'],
    [undefined, 'null'],
    [0, '0'],
    [-1.5, '-1.5'],
    [true, 'true'],
    ['a"b', '"a\\"b"'],
    ['中文', '"中文"'],
    [[], '[]'],
    [{}, '{}'],
  ])('renders %p as %s', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it('sorts keys at the top level', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
  });

  it('gives the same text whatever the key order, at every depth', () => {
    const one = { z: 1, a: { y: [{ q: 1, p: 2 }], x: { n: null, m: 'm' } } };
    const two = { a: { x: { m: 'm', n: null }, y: [{ p: 2, q: 1 }] }, z: 1 };
    expect(canonicalJson(one)).toBe(canonicalJson(two));
    expect(canonicalJson(one)).toBe('{"a":{"x":{"m":"m","n":null},"y":[{"p":2,"q":1}]},"z":1}');
  });

  it('keeps the order of array items', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
    expect(canonicalJson([3, 1, 2])).not.toBe(canonicalJson([1, 2, 3]));
    expect(canonicalJson({ list: [{ b: 1 }, { a: 1 }] })).toBe('{"list":[{"b":1},{"a":1}]}');
  });

  it('drops keys whose value is undefined, at every depth', () => {
    expect(canonicalJson({ a: 1, b: undefined, c: { d: undefined, e: 2 } })).toBe('{"a":1,"c":{"e":2}}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });

  it('keeps keys whose value is null', () => {
    expect(canonicalJson({ a: null })).toBe('{"a":null}');
    expect(canonicalJson({ a: null })).not.toBe(canonicalJson({}));
  });

  it('renders undefined array items as null, as JSON does', () => {
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('escapes keys', () => {
    expect(canonicalJson({ 'a"b': 1 })).toBe('{"a\\"b":1}');
  });

  it('produces valid JSON that parses back to the same data', () => {
    const value = { b: [1, 'two', { d: false, c: null }], a: { 'x y': '中' } };
    expect(JSON.parse(canonicalJson(value))).toEqual(value);
  });
});

describe('entryHash', () => {
  it('is a 64-digit hex SHA-256', () => {
    expect(entryHash(GENESIS_HASH, fields(1))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is deterministic and independent of key order', () => {
    const reordered = Object.fromEntries(Object.entries(fields(1)).reverse()) as unknown as ChainedFields;
    expect(entryHash(GENESIS_HASH, fields(1))).toBe(entryHash(GENESIS_HASH, fields(1)));
    expect(entryHash(GENESIS_HASH, reordered)).toBe(entryHash(GENESIS_HASH, fields(1)));
  });

  it('changes with the previous hash', () => {
    expect(entryHash('f'.repeat(64), fields(1))).not.toBe(entryHash(GENESIS_HASH, fields(1)));
  });

  it.each<[keyof ChainedFields, unknown]>([
    ['seq', '2'],
    ['at', '2024-05-01T08:00:01.001Z'],
    ['actorId', null],
    ['actorId', 'user-2'],
    ['actorName', 'mallory'],
    ['actorName', null],
    ['action', 'user.create'],
    ['entityType', 'outlet'],
    ['entityId', null],
    ['changes', { displayName: { from: 'A', to: 'C' } }],
    ['changes', {}],
    ['requestId', null],
  ])('changes when %s becomes %p', (field, value) => {
    const altered = { ...fields(1), [field]: value };
    expect(entryHash(GENESIS_HASH, altered)).not.toBe(entryHash(GENESIS_HASH, fields(1)));
  });

  it('changes when a nested value of changes changes', () => {
    const a = fields(1, { changes: { roles: { from: ['a'], to: ['a', 'b'] } } });
    const b = fields(1, { changes: { roles: { from: ['a'], to: ['b', 'a'] } } });
    expect(entryHash(GENESIS_HASH, a)).not.toBe(entryHash(GENESIS_HASH, b));
  });
});

describe('checkEntry', () => {
  it('starts at the genesis hash and sequence 1', () => {
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(CHAIN_START).toEqual({ lastHash: GENESIS_HASH, nextSeq: 1n });
  });

  it('accepts a valid chain and advances the cursor entry by entry', () => {
    const chain = buildChain(5);
    let cursor: ChainCursor = CHAIN_START;
    for (const [index, entry] of chain.entries()) {
      const next = checkEntry(cursor, entry);
      expect(next).toEqual({ lastHash: entry.hash, nextSeq: BigInt(index + 2) });
      if (!next) return;
      cursor = next;
    }
    expect(cursor.nextSeq).toBe(6n);
    expect(acceptedCount(chain)).toBe(5);
  });

  it('accepts an entry with empty changes and null references', () => {
    const entryFields = fields(1, {
      actorId: null,
      actorName: null,
      entityId: null,
      changes: {},
      requestId: null,
    });
    const entry: StoredEntry = {
      ...entryFields,
      prevHash: GENESIS_HASH,
      hash: entryHash(GENESIS_HASH, entryFields),
    };
    expect(checkEntry(CHAIN_START, entry)).toEqual({ lastHash: entry.hash, nextSeq: 2n });
  });

  it('accepts sequences beyond the safe integer range', () => {
    const seq = '9007199254740993';
    const entryFields = { ...fields(1), seq };
    const hash = entryHash('a'.repeat(64), entryFields);
    const cursor: ChainCursor = { lastHash: 'a'.repeat(64), nextSeq: 9007199254740993n };
    expect(checkEntry(cursor, { ...entryFields, prevHash: 'a'.repeat(64), hash })).toEqual({
      lastHash: hash,
      nextSeq: 9007199254740994n,
    });
  });

  it('rejects a chain that does not start at 1', () => {
    const chain = buildChain(3).slice(1);
    expect(acceptedCount(chain)).toBe(0);
  });

  it('rejects a missing entry', () => {
    const chain = buildChain(4);
    chain.splice(2, 1);
    expect(acceptedCount(chain)).toBe(2);
  });

  it('rejects entries in the wrong order', () => {
    const chain = buildChain(3);
    const [first, second, third] = [entryAt(chain, 0), entryAt(chain, 1), entryAt(chain, 2)];
    expect(acceptedCount([first, third, second])).toBe(1);
  });

  it('rejects a wrong sequence even when the hashes agree with it', () => {
    const entryFields = fields(2);
    const entry: StoredEntry = {
      ...entryFields,
      prevHash: GENESIS_HASH,
      hash: entryHash(GENESIS_HASH, entryFields),
    };
    expect(checkEntry(CHAIN_START, entry)).toBeNull();
  });

  it('rejects a wrong previous hash even when the entry hash agrees with it', () => {
    const chain = buildChain(2);
    const second = entryAt(chain, 1);
    const otherPrev = 'e'.repeat(64);
    const forged: StoredEntry = { ...second, prevHash: otherPrev, hash: entryHash(otherPrev, fields(2)) };
    const cursor: ChainCursor = { lastHash: entryAt(chain, 0).hash, nextSeq: 2n };
    expect(checkEntry(cursor, second)).not.toBeNull();
    expect(checkEntry(cursor, forged)).toBeNull();
  });

  it.each<[keyof ChainedFields, unknown]>([
    ['at', '2024-05-01T09:00:00.000Z'],
    ['actorId', 'user-2'],
    ['actorName', 'mallory'],
    ['actorName', null],
    ['action', 'user.delete'],
    ['entityType', 'outlet'],
    ['entityId', 'entity-99'],
    ['changes', { displayName: { from: 'A', to: 'Z' } }],
    ['changes', {}],
    ['requestId', 'req-forged'],
  ])('rejects an entry whose %s was altered to %p', (field, value) => {
    const chain = buildChain(3);
    const tampered = { ...entryAt(chain, 1), [field]: value };
    chain[1] = tampered;
    expect(acceptedCount(chain)).toBe(1);
  });

  it('rejects an altered hash, and the next entry cannot follow a recomputed one', () => {
    const chain = buildChain(3);
    const second = entryAt(chain, 1);
    chain[1] = { ...second, hash: 'b'.repeat(64) };
    expect(acceptedCount(chain)).toBe(1);

    // Rewriting the entry and recomputing its hash still breaks the link to the next entry.
    const rewrittenFields = { ...fields(2), actorName: 'mallory' };
    chain[1] = {
      ...rewrittenFields,
      prevHash: second.prevHash,
      hash: entryHash(second.prevHash, rewrittenFields),
    };
    expect(acceptedCount(chain)).toBe(2);
  });

  it('rejects an altered previous hash', () => {
    const chain = buildChain(2);
    chain[1] = { ...entryAt(chain, 1), prevHash: GENESIS_HASH };
    expect(acceptedCount(chain)).toBe(1);
  });
});
