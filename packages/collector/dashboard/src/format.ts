export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '–';
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

export const dateTime = (ts: number) =>
  new Date(ts).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value)}%`);

/** `YYYY-MM-DD` of a date input → ms since the epoch (start or end of that local day). */
export function dayToTs(day: string, end = false): number | undefined {
  if (!day) return undefined;
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return undefined;
  return end ? date.getTime() + 86_399_999 : date.getTime();
}

export function pathOfUrl(url: string | null): string {
  if (!url) return '–';
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
