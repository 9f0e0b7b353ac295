/** A site that may send events: its ingest key and the browser origins allowed to use it. */
export interface SiteConfig {
  /** The stable id stored with its data. @default the key */
  id?: string;
  /** The public ingest key the tracker sends (`?key=` or the `X-Spoor-Key` header). */
  key: string;
  /** A display name for the dashboard. @default the id */
  name?: string;
  /**
   * Origins allowed to send from a browser: exact (`https://shop.example`), with a wildcard
   * port or subdomain (`http://localhost:*`, `https://*.example.com`), or `*` for any.
   * Requests without an `Origin` header (servers, curl) are not limited by this list.
   * @default []
   */
  origins?: string[];
}

export interface Site {
  id: string;
  key: string;
  name: string;
  allows(origin: string): boolean;
}

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

function originMatcher(patterns: string[]): (origin: string) => boolean {
  if (patterns.includes('*')) return () => true;
  const exact = new Set(patterns.filter((p) => !p.includes('*')));
  const wild = patterns
    .filter((p) => p.includes('*'))
    .map((p) => new RegExp(`^${escapeRegExp(p).replace(/\*/g, '[^/]*')}$`, 'i'));
  return (origin) => exact.has(origin) || wild.some((re) => re.test(origin));
}

/** Checks the configured sites once and indexes them by key. */
export function resolveSites(configs: SiteConfig[]): Map<string, Site> {
  const byKey = new Map<string, Site>();
  const ids = new Set<string>();
  for (const config of configs) {
    const id = config.id ?? config.key;
    if (!config.key || byKey.has(config.key))
      throw new Error(`Site keys must be unique and non-empty: "${config.key}"`);
    if (ids.has(id)) throw new Error(`Site ids must be unique: "${id}"`);
    ids.add(id);
    byKey.set(config.key, {
      id,
      key: config.key,
      name: config.name ?? id,
      allows: originMatcher(config.origins ?? []),
    });
  }
  return byKey;
}

/**
 * Parses `SPOOR_SITES` / `--site`: `key=origin,origin` entries separated by `;`,
 * e.g. `demo=http://localhost:*;shop=https://shop.example`.
 */
export function parseSitesSpec(spec: string): SiteConfig[] {
  return spec
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [key = '', origins = ''] = part.split('=', 2);
      return {
        key: key.trim(),
        origins: origins
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      };
    });
}
