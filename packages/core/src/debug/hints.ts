/**
 * What to do about each refusal the collector names (its `error` codes), and about bare
 * statuses from other servers. Kept apart from the logger: it is the part people extend.
 */
const BY_CODE: Record<string, string> = {
  'missing-site-key': 'set siteKey in createHttpTransport({ url, siteKey })',
  'unknown-site-key':
    "siteKey does not match a site configured on the collector (check the collector's sites)",
  'origin-not-allowed': "add this page's origin to the site's origins on the collector",
  'unsupported-media-type': 'a proxy or custom transport changed the Content-Type; send application/json',
  'unsupported-version': 'the collector is older than this tracker; upgrade @spoor/collector',
  'invalid-batch':
    'the collector refused the events (see its message); a beforeSend that changes events is the usual cause',
};

const BY_STATUS: Record<number, string> = {
  401: 'the server wants credentials (for the Spoor collector: set siteKey)',
  403: 'the server refused this site or origin',
  404: 'nothing is listening at this URL: check the transport url (the collector listens on /v1/collect)',
  405: 'this URL does not accept POST: check the transport url',
};

/** A hint for a refused batch's reason ("HTTP 401 missing-site-key from /v1/collect: …"), or ''. */
export function hintFor(reason: string, status?: number): string {
  const code = /^HTTP \d+ ([a-z-]+) from /.exec(reason)?.[1];
  return (code && BY_CODE[code]) || (status !== undefined && BY_STATUS[status]) || '';
}
