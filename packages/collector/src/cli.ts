#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { helpText, parseArgsOptions, readConfig } from './config';
import { createCollector, DEFAULT_SITES } from './server';

const HELP = `spoor-collector: the Spoor reference backend (ingest, storage, query API, dashboard)

Every option is a flag or an environment variable; a flag wins over its variable.
${helpText()}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { ...parseArgsOptions(), log: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const { options, listen } = readConfig(values, process.env);
  if (values.log && !options.logger) options.logger = { level: 'info' };
  options.logger ??= { level: 'warn' };
  const sites = options.sites ?? DEFAULT_SITES;
  const collector = await createCollector({ ...options, sites });
  const url = await collector.listen(listen);
  console.log(`Spoor collector listening on ${url} (${collector.storage.kind})`);
  for (const site of sites) {
    console.log(
      `  ingest:    POST ${url}/v1/collect?key=${site.key}  (origins: ${(site.origins ?? []).join(', ') || 'none'})`,
    );
  }
  console.log(`  dashboard: ${url}/dashboard/`);
  console.log(`  health:    ${url}/healthz (alive), ${url}/readyz (storage reachable)`);
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
