// Storages by URL scheme: adding a database is one file and one `registerStorage` line.
import type { Storage } from './storage';

/** Opens a storage for a URL of its scheme (`sqlite:…`, `postgres://…`). */
export type StorageFactory = (url: URL) => Storage | Promise<Storage>;

const factories = new Map<string, StorageFactory>();

/** Makes `openStorage` open URLs of `scheme` (without the colon, e.g. `mysql`) with `factory`. */
export function registerStorage(scheme: string, factory: StorageFactory): void {
  factories.set(`${scheme.toLowerCase()}:`, factory);
}

/** The registered schemes, e.g. `['sqlite', 'postgres', 'postgresql']`. */
const storageSchemes = (): string[] => [...factories.keys()].map((s) => s.slice(0, -1));

/** Opens the storage a URL names; throws naming the option when no storage has its scheme. */
export async function openStorage(url: string, option = 'databaseUrl'): Promise<Storage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(
      `${option}: not a URL: "${url}" (expected e.g. sqlite:.data/spoor.db or postgres://host/db)`,
    );
  }
  const factory = factories.get(parsed.protocol);
  if (!factory) {
    throw new Error(
      `${option}: no storage for "${parsed.protocol}" (registered: ${storageSchemes().join(', ')})`,
    );
  }
  return factory(parsed);
}

/** `sqlite:relative/path.db`, `sqlite:/absolute/path.db`, `sqlite::memory:`. */
export function sqliteFilename(url: URL): string {
  const path = decodeURIComponent(url.href.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, ''));
  return path || ':memory:';
}

// The built-in storages; each module (and its database driver) loads only when its scheme is used.
registerStorage('sqlite', async (url) => {
  const { createSqliteStorage } = await import('./sqlite');
  return createSqliteStorage({ filename: sqliteFilename(url) });
});
const postgres: StorageFactory = async (url) => {
  const { createPostgresStorage } = await import('./postgres');
  const schema = url.searchParams.get('schema') ?? undefined;
  url.searchParams.delete('schema');
  return createPostgresStorage({ connectionString: url.href, ...(schema ? { schema } : {}) });
};
registerStorage('postgres', postgres);
registerStorage('postgresql', postgres);
