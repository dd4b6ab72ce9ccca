import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { LocalFileStore } from './local-file-store';

describe('LocalFileStore', () => {
  let root: string;
  let store: LocalFileStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'file-store-'));
    store = new LocalFileStore(root);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  const files = async () =>
    (await readdir(root, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());

  it('stores streamed bytes under the key, reporting their size and SHA-256', async () => {
    const bytes = Buffer.from('维修记录单 RT2026-000001\n'.repeat(5000));
    const stored = await store.put(
      'ab/record-1',
      Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]),
    );
    expect(stored).toEqual({
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect((await buffer(await store.open('ab/record-1'))).equals(bytes)).toBe(true);
    expect((await files()).map((f) => f.name)).toEqual(['record-1']);
  });

  it('leaves nothing behind when the incoming stream fails', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(100));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put('cd/broken', failing)).rejects.toThrow('client went away');
    expect(await files()).toEqual([]);
    await expect(store.open('cd/broken')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('removes bytes, and takes removing a missing key calmly', async () => {
    await store.put('ef/gone', Readable.from([Buffer.from('x')]));
    await store.remove('ef/gone');
    await store.remove('ef/gone');
    expect(await files()).toEqual([]);
  });

  it.each(['../outside', 'a/../../b', '/absolute', 'a//b', ''])('refuses the key %p', async (key) => {
    await expect(store.remove(key)).rejects.toThrow('Invalid storage key');
  });
});
