import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createCollector, openStorage, registerStorage, type Storage } from '../src/index';
import { sqliteFilename } from '../src/storage/registry';

describe('storages by URL scheme', () => {
  it.each([
    ['sqlite:.data/spoor.db', '.data/spoor.db'],
    ['sqlite:/tmp/a%23b/spoor.db', '/tmp/a#b/spoor.db'],
    ['sqlite:///tmp/x.db', '/tmp/x.db'],
    ['sqlite::memory:', ':memory:'],
  ])('reads the SQLite file of %s', (url, file) => {
    expect(sqliteFilename(new URL(url))).toBe(file);
  });

  it('opens SQLite and PostgreSQL (with a schema of its own) by URL', async () => {
    const sqlite = await openStorage(`sqlite:/tmp/spoor-test-${randomUUID()}/spoor.db`);
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const postgres = await openStorage(
      `${inject('databaseUrl')}${inject('databaseUrl').includes('?') ? '&' : '?'}schema=${schema}`,
    );
    for (const storage of [sqlite, postgres]) {
      await storage.migrate();
      expect(await storage.ensureSetting('k', 'v')).toBe('v');
      await storage.close();
    }
    expect([sqlite.kind, postgres.kind]).toEqual(['sqlite', 'postgres']);
  });

  it('names the option when no storage has the scheme', async () => {
    await expect(createCollector({ databaseUrl: 'mysql://db/x', dashboardDir: false })).rejects.toThrow(
      /databaseUrl: no storage for "mysql:" \(registered: sqlite, postgres, postgresql/,
    );
    await expect(openStorage('not a url')).rejects.toThrow(/databaseUrl: not a URL/);
  });

  it('opens a storage registered by a plugin', async () => {
    const opened: string[] = [];
    registerStorage('memtest', async (url) => {
      opened.push(url.href);
      return openStorage('sqlite::memory:') as Promise<Storage>;
    });
    const collector = await createCollector({
      databaseUrl: 'memtest://x',
      dashboardDir: false,
      rateLimit: false,
    });
    expect(opened).toEqual(['memtest://x']);
    await collector.close();
  });
});
