import { decodeReplayChunk } from '@spoor/replay/codec';
import { aggregateClicks, createHeatmapOverlay, DEFAULT_WIDTH_BUCKETS } from '@spoor/replay/heatmap';
import { createPlayer, type PlayerEvent } from '@spoor/replay/player';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, flatten, type PageStat, type SessionDetail, type SessionPage } from '../api';
import { fetchReplay } from '../replayPages';
import { useApi } from '../useApi';

interface Recorded {
  type: number;
  timestamp: number;
  data?: { width?: number };
}

/**
 * The page as a visitor saw it: the replay of a session that viewed it, paused just after the
 * page view, as the backdrop of the heatmap.
 */
function PageSnapshot(props: {
  site: string;
  sessionId: string;
  path: string;
  onStage(stage: HTMLElement | null): void;
}) {
  const { site, sessionId, path, onStage } = props;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let live = true;
    let destroy: (() => void) | undefined;
    const id = encodeURIComponent(sessionId);
    Promise.all([api<SessionDetail>(`/sessions/${id}`, { site }), fetchReplay(site, sessionId)])
      .then(([detail, { chunks }]) => {
        const box = ref.current;
        if (!live || !box) return;
        const recorded = chunks.flatMap((c) => decodeReplayChunk(c.payload)) as Recorded[];
        const width = recorded.find((e) => e.type === 4)?.data?.width ?? 1280;
        box.style.width = `${Math.min(width, box.parentElement?.clientWidth ?? width)}px`;
        const events = [...flatten(detail.events), ...flatten(chunks)] as unknown as PlayerEvent[];
        const player = createPlayer(box, events, { controls: false });
        destroy = () => player.destroy();
        const start = Math.min(...recorded.map((e) => e.timestamp));
        const view = detail.events.find((e) => e.type === 'page:view' && e.path === path);
        if (view) player.seek(view.ts - start + 1000);
        requestAnimationFrame(() => live && onStage(box.querySelector<HTMLElement>('.spoor-player-stage')));
      })
      .catch(() => live && onStage(null));
    return () => {
      live = false;
      destroy?.();
      onStage(null);
    };
  }, [site, sessionId, path, onStage]);
  return <div ref={ref} className="snapshot" />;
}

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
  const sample = withReplay.data?.sessions.find((s) => s.hasReplay);
  const [useSnapshot, setUseSnapshot] = useState(true);
  const [stage, setStage] = useState<HTMLElement | null>(null);
  const snapshot = useSnapshot && sample && current;
  const topSelectors = useMemo(() => {
    const counts = new Map<string, number>();
    for (const c of clicks.data?.clicks ?? []) counts.set(c.selector, (counts.get(c.selector) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  }, [clicks.data]);

  useEffect(() => {
    if (!map || !snapshot || !stage) return;
    const overlay = createHeatmapOverlay(stage, map, { unit: 'clicks' });
    return () => overlay.destroy();
  }, [map, snapshot, stage]);

  useEffect(() => {
    if (!page.current || !map || snapshot) return;
    const width = BUCKET_WIDTH[map.bucket] ?? 1280;
    const scale = Math.min(1, (page.current.parentElement?.clientWidth ?? width) / width);
    page.current.style.width = `${width * scale}px`;
    page.current.style.height = `${Math.max(400, ((map.rows + 4) * width * scale) / map.columns)}px`;
    const overlay = createHeatmapOverlay(page.current, map, { unit: 'clicks' });
    return () => overlay.destroy();
  }, [map, snapshot]);

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
          Screen{' '}
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
      {map && snapshot && (
        <div className="heatmap-wrap" data-testid="heatmap">
          <PageSnapshot site={site} sessionId={sample.id} path={snapshot} onStage={setStage} />
          <p className="muted">
            The page as seen in one session; clicks below its first screen are listed underneath.
          </p>
        </div>
      )}
      {map && !snapshot && (
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
