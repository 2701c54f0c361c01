import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TConfig } from '../config.ts';

/**
 * Where uploaded files live: ONE store for every backend process (a directory they all mount, or an
 * object store). Keys are random ids chosen here, never user file names, so nothing a user sends can
 * pick a path. The local driver is the default; an object-store driver implements the same calls
 * (put/get/delete by key, and a listing with each object's age for the orphan sweep).
 */
export interface FileStorage {
  put(data: Buffer): Promise<string>;
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** Every stored key with the time it was written (for the orphan sweep). */
  list(): AsyncIterable<{ key: string; storedAt: Date }>;
}

const KEY_PATTERN = /^[a-f0-9]{32}$/;

/** The process's store. Every process must be given the same place (see README "Running for many WISPs"). */
export function fileStorageFor(config: Pick<TConfig, 'UPLOAD_DIR'>): FileStorage {
  return localFileStorage(config.UPLOAD_DIR);
}

/** Files under `dir` (outside any folder a web server serves), fanned out by the key's first two characters. */
export function localFileStorage(dir: string): FileStorage {
  const root = path.resolve(dir);
  const fileOf = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error('invalid storage key');
    return path.join(root, key.slice(0, 2), key);
  };
  return {
    async put(data) {
      const key = randomBytes(16).toString('hex');
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data, { flag: 'wx' });
      return key;
    },
    async get(key) {
      try {
        return await readFile(fileOf(key));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
    async *list() {
      const fanouts = await readdir(root).catch(() => [] as string[]);
      for (const fanout of fanouts) {
        if (!/^[a-f0-9]{2}$/.test(fanout)) continue;
        for (const key of await readdir(path.join(root, fanout)).catch(() => [] as string[])) {
          if (!KEY_PATTERN.test(key) || key.slice(0, 2) !== fanout) continue;
          const info = await stat(path.join(root, fanout, key)).catch(() => undefined);
          if (info) yield { key, storedAt: info.mtime };
        }
      }
    },
  };
}
