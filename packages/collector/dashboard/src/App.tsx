import { type FormEvent, type ReactElement, useEffect, useState } from 'react';
import { api, clearToken, readToken, saveToken, UnauthorizedError } from './api';
import { ClickIssuesPage } from './pages/ClickIssues';
import { HeatmapPage } from './pages/Heatmap';
import { PagesPage } from './pages/Pages';
import { SessionDetailPage } from './pages/SessionDetail';
import { SessionsPage } from './pages/Sessions';
import { href, navigate, useRoute } from './router';

interface Sites {
  sites: { id: string; name: string }[];
  storage: string;
}

function Login({ onToken, error }: { onToken: (token: string) => void; error: string | null }) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) onToken(value.trim());
  };
  return (
    <main className="login">
      <h1>Spoor</h1>
      <form onSubmit={submit}>
        <label>
          Dashboard token
          <input
            type="password"
            autoComplete="current-password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit">Open the dashboard</button>
        {error && <p className="error">{error}</p>}
        <p className="hint">The collector prints its token when it starts (or set SPOOR_DASHBOARD_TOKEN).</p>
      </form>
    </main>
  );
}

const NAV = [
  ['/sessions', 'Sessions'],
  ['/pages', 'Pages'],
  ['/heatmap', 'Heatmap'],
  ['/clicks', 'Rage & dead clicks'],
] as const;

export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const [sites, setSites] = useState<Sites | null>(null);
  const [site, setSite] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const route = useRoute();

  useEffect(() => {
    if (!token) return;
    api<Sites>('/sites')
      .then((result) => {
        setSites(result);
        setSite((current) => current || result.sites[0]?.id || '');
      })
      .catch((e: unknown) => {
        if (e instanceof UnauthorizedError) {
          clearToken();
          setToken(null);
          setError(e.message);
        } else setError(String(e));
      });
  }, [token]);

  if (!token) {
    return (
      <Login
        error={error}
        onToken={(value) => {
          saveToken(value);
          setError(null);
          setToken(value);
        }}
      />
    );
  }
  if (!sites) return <p className="loading">{error ?? 'Loading…'}</p>;

  const sessionMatch = /^\/sessions\/([^/]+)$/.exec(route.path);
  let page: ReactElement;
  if (sessionMatch?.[1]) page = <SessionDetailPage site={site} id={decodeURIComponent(sessionMatch[1])} />;
  else if (route.path === '/pages') page = <PagesPage site={site} />;
  else if (route.path === '/heatmap')
    page = <HeatmapPage site={site} initialPath={route.search.get('path')} />;
  else if (route.path === '/clicks') page = <ClickIssuesPage site={site} />;
  else page = <SessionsPage site={site} />;

  return (
    <div className="app">
      <header>
        <strong className="brand">Spoor</strong>
        <nav>
          {NAV.map(([to, label]) => (
            <a
              key={to}
              href={href(to)}
              aria-current={
                route.path.startsWith(to) || (to === '/sessions' && route.path === '/') ? 'page' : undefined
              }
              onClick={(e) => {
                e.preventDefault();
                navigate(to);
              }}
            >
              {label}
            </a>
          ))}
        </nav>
        <span className="spacer" />
        {sites.sites.length > 1 && (
          <select aria-label="Site" value={site} onChange={(e) => setSite(e.target.value)}>
            {sites.sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
        <span className="muted">{sites.storage}</span>
        <button
          type="button"
          className="link"
          onClick={() => {
            clearToken();
            setToken(null);
          }}
        >
          Log out
        </button>
      </header>
      <main key={site}>{page}</main>
    </div>
  );
}
