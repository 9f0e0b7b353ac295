/**
 * The URL of page-exit requests: beacons and keepalive requests carry no custom headers, so the
 * site key goes in the query (`?key=`).
 */
export function exitUrlOf(url: string, siteKey: string | undefined): string {
  return siteKey ? `${url}${url.includes('?') ? '&' : '?'}key=${encodeURIComponent(siteKey)}` : url;
}
