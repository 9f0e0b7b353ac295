import { aggregateClicks, createHeatmapOverlay, DEFAULT_WIDTH_BUCKETS } from '@spoor/replay/heatmap';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PageStat, SessionPage } from '../api';
import { dateTime } from '../format';
import { href } from '../router';
import { useApi } from '../useApi';
import { type BackdropState, PageSnapshot } from './PageSnapshot';

interface Click {
  x: number;
  y: number;
  vw: number;
  vh: number;
  selector: string;
}

const BUCKET_WIDTH: Record<string, number> = { mobile: 390, tablet: 820, desktop: 1280, wide: 1600 };

export function HeatmapPage({ site, initialPath }: { site: string; initialPath: string | null }) {
  const pages = useApi<{ pages: PageStat[] }>('/pages', { site });
  const [path, setPath] = useState<string | null>(initialPath);
  const current = path ?? pages.data?.pages[0]?.path ?? null;
  const clicks = useApi<{ clicks: Click[] }>(current ? '/heatmap' : null, { site, path: current });
  const maps = useMemo(
    () =>
      aggregateClicks(
        (clicks.data?.clicks ?? []).map((c) => ({ type: 'click', url: current ?? '/', ...c })),
        { columns: 64 },
      ),
    [clicks.data, current],
  );
  const buckets = DEFAULT_WIDTH_BUCKETS.map((b) => b.name).filter((name) =>
    maps.some((m) => m.bucket === name),
  );
  const [bucket, setBucket] = useState<string | null>(null);
  const map = maps.find((m) => m.bucket === (bucket && buckets.includes(bucket) ? bucket : buckets[0]));
  const page = useRef<HTMLDivElement>(null);
  const withReplay = useApi<SessionPage>(current ? '/sessions' : null, { site, path: current, limit: 50 });
  const recorded = useMemo(
    () => (withReplay.data?.sessions ?? []).filter((s) => s.hasReplay).map((s) => s.id),
    [withReplay.data],
  );
  const [useSnapshot, setUseSnapshot] = useState(true);
  const [backdrop, setBackdrop] = useState<BackdropState>({ state: 'searching' });
  const onBackdrop = useCallback((state: BackdropState) => setBackdrop(state), []);
  // The page from a replay when one shows it on this device class; else the clicks on a blank page.
  const snapshot = useSnapshot && recorded.length > 0 && current && map;
  const blank = !snapshot || backdrop.state === 'none';
  const stage = snapshot && backdrop.state === 'found' ? backdrop.stage : null;
  const topSelectors = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of clicks.data?.clicks ?? []) counts.set(c.selector, (counts.get(c.selector) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  }, [clicks.data]);

  useEffect(() => {
    if (!map || !stage) return;
    const overlay = createHeatmapOverlay(stage, map, { unit: 'clicks' });
    return () => overlay.destroy();
  }, [map, stage]);

  useEffect(() => {
    if (!page.current || !map || !blank) return;
    const width = BUCKET_WIDTH[map.bucket] ?? 1280;
    const scale = Math.min(1, (page.current.parentElement?.clientWidth ?? width) / width);
    page.current.style.width = `${width * scale}px`;
    page.current.style.height = `${Math.max(400, ((map.rows + 4) * width * scale) / map.columns)}px`;
    const overlay = createHeatmapOverlay(page.current, map, { unit: 'clicks' });
    return () => overlay.destroy();
  }, [map, blank]);

  return (
    <section>
      <h1>Click heatmap</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Page{' '}
          <select value={current ?? ''} onChange={(e) => setPath(e.target.value)}>
            {(pages.data?.pages ?? []).map((p) => (
              <option key={p.path} value={p.path}>
                {p.path}
              </option>
            ))}
          </select>
        </label>
        <label>
          Device{' '}
          <select value={map?.bucket ?? ''} onChange={(e) => setBucket(e.target.value)}>
            {buckets.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={useSnapshot} onChange={(e) => setUseSnapshot(e.target.checked)} />{' '}
          Show the page (from a replay)
        </label>
        {map && <span className="muted">{map.total} clicks</span>}
      </form>
      {clicks.error && <p className="error">{clicks.error}</p>}
      {clicks.data && !map && <p className="empty">No clicks recorded on this page yet.</p>}
      {snapshot && (
        <div className="heatmap-wrap" data-testid="heatmap" hidden={backdrop.state === 'none'}>
          <PageSnapshot
            site={site}
            sessionIds={recorded}
            path={current}
            bucket={map.bucket}
            onBackdrop={onBackdrop}
          />
          {backdrop.state === 'found' && (
            <p className="muted backdrop-source">
              Backdrop: the{' '}
              <a
                href={href(
                  `/sessions/${encodeURIComponent(backdrop.sessionId)}?event=${backdrop.backdrop.viewId}`,
                )}
              >
                session of {dateTime(backdrop.backdrop.ts)}
              </a>
              , {(backdrop.backdrop.afterView / 1000).toFixed(1)} s after its view of {current}, on a{' '}
              {backdrop.backdrop.width} px wide screen ({map.bucket}). Clicks below its first screen are
              listed underneath.
            </p>
          )}
        </div>
      )}
      {map && snapshot && backdrop.state === 'none' && (
        <p className="muted">
          No replay shows this page on a {map.bucket} screen: the clicks on a blank page.
        </p>
      )}
      {map && blank && (
        <div className="heatmap-wrap">
          <div className="heatmap-page" ref={page} data-testid="heatmap" />
        </div>
      )}
      {topSelectors.length > 0 && (
        <>
          <h2>Most clicked elements</h2>
          <ol className="selectors">
            {topSelectors.map(([selector, count]) => (
              <li key={selector}>
                <span className="mono">{selector}</span> — {count}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
