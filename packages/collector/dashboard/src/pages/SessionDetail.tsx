import { buildTimeline, createPlayer, type PlayerEvent } from '@spoor/replay/player';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api, flatten, type SessionDetail, type StoredEvent } from '../api';
import { dateTime, duration, pathOfUrl } from '../format';
import { fetchReplay } from '../replayPages';
import { navigate } from '../router';
import { useApi } from '../useApi';
import { describeUserAgent } from '../userAgent';
import { currentRow, type Playback, requestedEvent, seekTo, shownRows } from './playback';

function describe(event: StoredEvent): string {
  const p = event.payload;
  const target = p.target as { selector?: string; text?: string; label?: string } | undefined;
  const label = target ? target.text || target.selector || '' : '';
  switch (event.type) {
    case 'page:view':
      return `${String(p.path)} (${String(p.navigation)})`;
    case 'page:leave':
      return `engaged ${duration(Number(p.engagedMs))}, scrolled ${Math.round(Number(p.maxScrollPct))}%`;
    case 'click':
    case 'click:dead':
      return label;
    case 'click:rage':
      return `${label} ×${String(p.count)}`;
    case 'scroll':
      return `${Math.round(Number(p.depthPct))}%`;
    case 'input':
      // A field by the label a person reads (from trackers that send it), else by its selector.
      return `${target?.label ? `“${target.label}”` : (target?.selector ?? '')} (${String(p.fieldType)})`;
    case 'error':
      return String(p.message);
    case 'custom':
      return String(p.name);
    case 'visibility':
      return String(p.state);
    case 'session:start':
    case 'session:end':
      return String(p.reason);
    default:
      return '';
  }
}

function Replay({
  site,
  id,
  timeline,
  onReady,
}: {
  site: string;
  id: string;
  timeline: StoredEvent[];
  onReady: (playback: Playback | null) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [capped, setCapped] = useState(false);
  useEffect(() => {
    let live = true;
    let destroy: (() => void) | undefined;
    fetchReplay(site, id)
      .then(({ chunks, state }) => {
        if (!live || !ref.current) return;
        setCapped(state === 'capped');
        const events = [...flatten(timeline), ...flatten(chunks)] as unknown as PlayerEvent[];
        const player = createPlayer(ref.current, events, { speed: 2 });
        const startTs = buildTimeline(events).recorded[0]?.timestamp ?? 0;
        onReady({ player, startTs });
        destroy = () => {
          onReady(null);
          player.destroy();
        };
      })
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      destroy?.();
    };
  }, [site, id, timeline, onReady]);
  return (
    <div className="replay" data-testid="replay">
      <div ref={ref} />
      {capped && (
        <p className="muted">
          This recording is long: the player shows its first part; export the replay for all of it.
        </p>
      )}
      {error && <p className="error">Cannot play this replay: {error}</p>}
    </div>
  );
}

export function SessionDetailPage({ site, id }: { site: string; id: string }) {
  const { data, error } = useApi<SessionDetail>(`/sessions/${encodeURIComponent(id)}`, { site });
  const [showMoves, setShowMoves] = useState(false);
  const [playback, setPlayback] = useState<Playback | null>(null);
  const [nowTs, setNowTs] = useState<number | null>(null);
  const events = data?.events;
  // The row under the playhead follows playback.
  useEffect(() => {
    if (!playback) return;
    const timer = setInterval(() => setNowTs(playback.startTs + playback.player.getCurrentTime()), 250);
    return () => clearInterval(timer);
  }, [playback]);
  // A link from a report (?type=click:rage&selector=…) opens at the moment of that click.
  useEffect(() => {
    if (!playback || !events) return;
    const wanted = requestedEvent(events, new URLSearchParams(window.location.search));
    // A seek marks its row at once, not at the interval's next tick.
    if (wanted) setNowTs(seekTo(playback, wanted.ts));
  }, [playback, events]);
  const current = useRef<HTMLLIElement>(null);
  // Not on every tick of the playhead (four a second): only when the events or the filter change.
  const shown = useMemo(() => shownRows(events ?? [], showMoves), [events, showMoves]);
  // Marked among the rows shown: the latest event is often a hidden pointer move.
  const nowRow = currentRow(shown, nowTs);
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the current row changes.
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest' });
  }, [nowRow]);
  if (error) return <p className="error">{error}</p>;
  if (!data) return <p className="loading">Loading…</p>;
  const { session } = data;
  const client = describeUserAgent(session.userAgent);
  const all = data.events;
  const start = all[0]?.ts ?? session.startedAt;
  const nowId = shown[nowRow]?.id;

  const erase = async () => {
    if (!window.confirm('Delete this session and all its events?')) return;
    await api(`/sessions/${encodeURIComponent(id)}`, { site }, { method: 'DELETE' });
    navigate('/sessions');
  };

  return (
    <section>
      <h1>Session {dateTime(session.startedAt)}</h1>
      <dl className="summary">
        <dt>Duration</dt>
        <dd>{duration(session.durationMs)}</dd>
        <dt>Pages</dt>
        <dd>{session.pageViews}</dd>
        <dt>Engaged</dt>
        <dd>{duration(session.engagedMs)}</dd>
        <dt>Entry</dt>
        <dd className="mono">{pathOfUrl(session.entryUrl)}</dd>
        <dt>Errors / rage / dead</dt>
        <dd>
          {session.errors} / {session.rageClicks} / {session.deadClicks}
        </dd>
        <dt>Browser</dt>
        <dd title={session.userAgent ?? undefined}>{client ? client.browser : '–'}</dd>
        <dt>OS</dt>
        <dd>{client ? client.os : '–'}</dd>
        <dt>Device</dt>
        <dd>{client ? client.device : '–'}</dd>
        <dt>Session id</dt>
        <dd className="mono">{session.id}</dd>
      </dl>
      {session.hasReplay ? (
        <Replay site={site} id={id} timeline={all} onReady={setPlayback} />
      ) : (
        <p className="empty">No replay was recorded for this session.</p>
      )}
      <h2>Timeline</h2>
      <label>
        <input type="checkbox" checked={showMoves} onChange={(e) => setShowMoves(e.target.checked)} /> Show
        pointer moves and scrolls
      </label>
      <ol className="timeline" aria-label="Timeline">
        {shown.map((e) => (
          <li
            key={e.id}
            ref={e.id === nowId ? current : undefined}
            className={`ev ev-${e.type.replace(':', '-')}${e.id === nowId ? ' current' : ''}`}
            aria-current={e.id === nowId ? 'true' : undefined}
          >
            {playback ? (
              <button type="button" className="seek" onClick={() => setNowTs(seekTo(playback, e.ts))}>
                +{duration(e.ts - start)}
              </button>
            ) : (
              <time>+{duration(e.ts - start)}</time>
            )}
            <span className="type">{e.type}</span>
            <span className="what">{describe(e)}</span>
            <span className="mono path">{e.path}</span>
          </li>
        ))}
      </ol>
      <button type="button" className="danger" onClick={erase}>
        Delete this session
      </button>
    </section>
  );
}
