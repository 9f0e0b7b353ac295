#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCollector, DEFAULT_SITES } from './server';
import { parseSitesSpec } from './sites';

const HELP = `spoor-collector: the Spoor reference backend (ingest, storage, query API, dashboard)

Options:
  --port <n>             port to listen on (default 8787, env PORT)
  --host <addr>          address to listen on (default 127.0.0.1)
  --data <dir>           folder of the SQLite database (default ./.data)
  --database-url <url>   use PostgreSQL instead of SQLite (env DATABASE_URL)
  --site <spec>          key=origin,origin (repeatable; env SPOOR_SITES, ';'-separated)
                         default: demo=http://localhost:*,http://127.0.0.1:*
  --retention-days <n>   delete sessions older than this (default 30, env SPOOR_RETENTION_DAYS)
  --rate-limit <n>       requests per minute per site and client (default 600; 0 turns it off)
  --token <token>        dashboard token (env SPOOR_DASHBOARD_TOKEN; generated and stored when unset)
  --log                  log every request
  -h, --help             show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'database-url': { type: 'string' },
      site: { type: 'string', multiple: true },
      'retention-days': { type: 'string' },
      'rate-limit': { type: 'string' },
      token: { type: 'string' },
      log: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const env = process.env;
  const sitesSpec = values.site?.join(';') ?? env.SPOOR_SITES;
  const sites = sitesSpec ? parseSitesSpec(sitesSpec) : DEFAULT_SITES;
  const databaseUrl = values['database-url'] ?? env.DATABASE_URL;
  const dataDir = resolve(values.data ?? env.SPOOR_DATA_DIR ?? '.data');
  const rate = Number(values['rate-limit'] ?? env.SPOOR_RATE_LIMIT ?? 600);
  const collector = await createCollector({
    databaseUrl,
    dataDir,
    sites,
    dashboardToken: values.token ?? env.SPOOR_DASHBOARD_TOKEN ?? undefined,
    retentionDays: Number(values['retention-days'] ?? env.SPOOR_RETENTION_DAYS ?? 30),
    rateLimit: rate > 0 ? { max: rate, timeWindowMs: 60_000 } : false,
    logger: values.log ? { level: 'info' } : { level: 'warn' },
  });
  const url = await collector.listen({
    port: Number(values.port ?? env.PORT ?? 8787),
    host: values.host ?? env.HOST ?? '127.0.0.1',
  });
  const storage = databaseUrl ? 'PostgreSQL' : `SQLite in ${dataDir}`;
  console.log(`Spoor collector listening on ${url} (${storage})`);
  for (const site of sites) {
    console.log(
      `  ingest:    POST ${url}/v1/collect?key=${site.key}  (origins: ${(site.origins ?? []).join(', ') || 'none'})`,
    );
  }
  console.log(`  dashboard: ${url}/dashboard/`);
  console.log(
    `  token:     ${collector.token}${collector.tokenGenerated ? '  (generated and stored; set SPOOR_DASHBOARD_TOKEN to choose one)' : ''}`,
  );
  const stop = () => {
    collector.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`spoor-collector: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
