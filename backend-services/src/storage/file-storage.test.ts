import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localFileStorage } from './file-storage.ts';

const dir = await mkdtemp(path.join(os.tmpdir(), 'storage-test-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('localFileStorage', () => {
  const storage = localFileStorage(dir);

  it('stores bytes under a random key and reads them back', async () => {
    const key = await storage.put(Buffer.from('hello'));
    expect(key).toMatch(/^[a-f0-9]{32}$/);
    expect((await storage.get(key))?.toString()).toBe('hello');
  });

  it('answers undefined for a deleted key', async () => {
    const key = await storage.put(Buffer.from('bye'));
    await storage.delete(key);
    expect(await storage.get(key)).toBeUndefined();
  });

  it('refuses a key that could name a path', async () => {
    await expect(storage.get('../../etc/passwd')).rejects.toThrow('invalid storage key');
  });
});
