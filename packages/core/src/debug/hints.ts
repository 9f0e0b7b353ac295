/**
 * What to do about each refusal the collector names (its `error` codes), and about bare
 * statuses from other servers. Kept apart from the logger: it is the part people extend.
 */
const BY_CODE: Record<string, string> = {
  'missing-site-key': 'set siteKey in createHttpTransport({ url, siteKey })',
  'unknown-site-key': 'siteKey is not a site of the collector',
  'origin-not-allowed': "add this origin to the site's origins on the collector",
  'unsupported-version': 'upgrade @spoor/collector',
};

const BY_STATUS: Record<number, string> = {
  401: 'the server wants credentials (Spoor collector: set siteKey)',
  404: 'check the transport url (the collector listens on /v1/collect)',
};

/** A hint for a refused batch's reason ("HTTP 401 missing-site-key from /v1/collect: …"), or ''. */
export function hintFor(reason: string, status?: number): string {
  const code = /^HTTP \d+ ([a-z-]+) from /.exec(reason)?.[1];
  return (code && BY_CODE[code]) || (status !== undefined && BY_STATUS[status]) || '';
}
