import { useState } from 'react';
import type { SessionPage } from '../api';
import { dateTime, dayToTs, duration, pathOfUrl } from '../format';
import { href, navigate } from '../router';
import { useApi } from '../useApi';

export function SessionsPage({ site }: { site: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [path, setPath] = useState('');
  const [errors, setErrors] = useState(false);
  const [rage, setRage] = useState(false);
  const [dead, setDead] = useState(false);
  const [cursor, setCursor] = useState<string | undefined>();
  const { data, error } = useApi<SessionPage>('/sessions', {
    site,
    from: dayToTs(from),
    to: dayToTs(to, true),
    path: path.trim() || undefined,
    errors,
    rage,
    dead,
    cursor,
    limit: 50,
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (value: T) => {
      setCursor(undefined);
      set(value);
    };

  return (
    <section>
      <h1>Sessions</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={from} onChange={(e) => reset(setFrom)(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => reset(setTo)(e.target.value)} />
        </label>
        <label>
          Path <input placeholder="/pricing" value={path} onChange={(e) => reset(setPath)(e.target.value)} />
        </label>
        <label>
          <input type="checkbox" checked={errors} onChange={(e) => reset(setErrors)(e.target.checked)} />{' '}
          Errors
        </label>
        <label>
          <input type="checkbox" checked={rage} onChange={(e) => reset(setRage)(e.target.checked)} /> Rage
          clicks
        </label>
        <label>
          <input type="checkbox" checked={dead} onChange={(e) => reset(setDead)(e.target.checked)} /> Dead
          clicks
        </label>
      </form>
      {error && <p className="error">{error}</p>}
      {data && data.sessions.length === 0 && <p className="empty">No sessions yet for these filters.</p>}
      {data && data.sessions.length > 0 && (
        <table className="sessions">
          <thead>
            <tr>
              <th>Started</th>
              <th>Entry page</th>
              <th>Duration</th>
              <th>Pages</th>
              <th>Engaged</th>
              <th>Events</th>
              <th>Signals</th>
            </tr>
          </thead>
          <tbody>
            {data.sessions.map((s) => (
              <tr key={s.id}>
                <td>
                  <a
                    href={href(`/sessions/${encodeURIComponent(s.id)}`)}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/sessions/${encodeURIComponent(s.id)}`);
                    }}
                  >
                    {dateTime(s.startedAt)}
                  </a>
                </td>
                <td className="mono">{pathOfUrl(s.entryUrl)}</td>
                <td>{duration(s.durationMs)}</td>
                <td>{s.pageViews}</td>
                <td>{duration(s.engagedMs)}</td>
                <td>{s.eventCount}</td>
                <td>
                  {s.hasReplay && <span className="badge has-replay">replay</span>}
                  {s.errors > 0 && <span className="badge error">{s.errors} errors</span>}
                  {s.rageClicks > 0 && <span className="badge rage">{s.rageClicks} rage</span>}
                  {s.deadClicks > 0 && <span className="badge dead">{s.deadClicks} dead</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="pager">
        {cursor && (
          <button type="button" onClick={() => setCursor(undefined)}>
            Newest
          </button>
        )}
        {data?.next && (
          <button type="button" onClick={() => setCursor(data.next)}>
            Older sessions
          </button>
        )}
      </div>
    </section>
  );
}
