import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { BlobStore } from './blobStore';

/** Blobs as files under `root` (the default: `replay/` beside the SQLite file). */
export function createDiskBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    // Keys are escaped (blobStore.ts); this guards against any other caller.
    if (!path.startsWith(`${base}/`)) throw new Error(`blob key outside the store: ${key}`);
    return path;
  };
  return {
    kind: 'file',
    async put(key, body) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside then renamed: a reader never sees half a recording.
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, body);
      await rename(temp, path);
    },
    async get(key) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async deletePrefix(prefix) {
      const folder = pathOf(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
      const files = await readdir(folder).catch(() => [] as string[]);
      await rm(folder, { recursive: true, force: true });
      return files.length;
    },
    async ping() {
      await mkdir(base, { recursive: true });
      await stat(join(base));
    },
    async close() {},
  };
}
