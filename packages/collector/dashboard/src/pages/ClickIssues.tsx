import { useState } from 'react';
import type { ClickIssue } from '../api';
import { dateTime, dayToTs } from '../format';
import { href, navigate } from '../router';

import { useApi } from '../useApi';

/** The sample session, opened at the moment of the reported click (SessionDetail seeks there). */
const watchLink = (issue: ClickIssue) =>
  `/sessions/${encodeURIComponent(issue.sampleSessionId)}?${new URLSearchParams({ type: issue.type, selector: issue.selector })}`;

export function ClickIssuesPage({ site }: { site: string }) {
  const [from, setFrom] = useState('');
  const [kind, setKind] = useState<'all' | 'click:rage' | 'click:dead'>('all');
  const { data, error } = useApi<{ issues: ClickIssue[] }>('/clicks/issues', { site, from: dayToTs(from) });
  const issues = (data?.issues ?? []).filter((i) => kind === 'all' || i.type === kind);
  return (
    <section>
      <h1>Rage and dead clicks</h1>
      <p className="muted">
        Rage clicks: three or more quick clicks in one spot. Dead clicks: a click on something interactive
        that changed nothing.
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Since <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          Kind{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">Both</option>
            <option value="click:rage">Rage clicks</option>
            <option value="click:dead">Dead clicks</option>
          </select>
        </label>
      </form>
      {error && <p className="error">{error}</p>}
      {data && issues.length === 0 && <p className="empty">No rage or dead clicks. Nice.</p>}
      {issues.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Kind</th>
              <th>Page</th>
              <th>Element</th>
              <th>Text</th>
              <th>Times</th>
              <th>Sessions</th>
              <th>Last seen</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {issues.map((i) => (
              <tr key={`${i.type} ${i.path} ${i.selector} ${i.text}`}>
                <td>
                  <span className={`badge ${i.type === 'click:rage' ? 'rage' : 'dead'}`}>
                    {i.type === 'click:rage' ? 'rage' : 'dead'}
                  </span>
                </td>
                <td className="mono">{i.path}</td>
                <td className="mono">{i.selector}</td>
                <td>{i.text ?? ''}</td>
                <td>{i.count}</td>
                <td>{i.sessions}</td>
                <td>{dateTime(i.lastSeenAt)}</td>
                <td>
                  <a
                    href={href(watchLink(i))}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(watchLink(i));
                    }}
                  >
                    Watch a session
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
