import type { ChartConfiguration } from 'chart.js';
import { useMemo, useState } from 'react';
import type { PageDetail, PageStat } from '../api';
import { ChartView } from '../Chart';
import { dayToTs, duration, percent } from '../format';
import { navigate } from '../router';
import { useApi } from '../useApi';

const BLUE = 'rgba(73, 80, 246, 0.75)';
const GREEN = 'rgba(16, 150, 110, 0.75)';

export function PagesPage({ site }: { site: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const range = { site, from: dayToTs(from), to: dayToTs(to, true) };
  const { data, error } = useApi<{ pages: PageStat[] }>('/pages', range);
  const [selected, setSelected] = useState<string | null>(null);
  const pages = data?.pages ?? [];
  const path = selected ?? pages[0]?.path ?? null;
  const detail = useApi<PageDetail>(path ? '/pages/detail' : null, { ...range, path });

  const viewsChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: pages.slice(0, 15).map((p) => p.path),
        datasets: [
          { label: 'Page views', data: pages.slice(0, 15).map((p) => p.views), backgroundColor: BLUE },
        ],
      },
      options: { indexAxis: 'y' },
    }),
    [pages],
  );
  const dailyChart = useMemo<ChartConfiguration>(
    // Bars and marked points: with a single day a line would be one invisible dot.
    () => ({
      type: 'bar',
      data: {
        labels: detail.data?.days.map((d) => d.day) ?? [],
        datasets: [
          {
            label: 'Views',
            data: detail.data?.days.map((d) => d.views) ?? [],
            backgroundColor: BLUE,
            maxBarThickness: 48,
            yAxisID: 'y',
          },
          {
            type: 'line',
            label: 'Mean engaged seconds',
            data: detail.data?.days.map((d) => (d.avgEngagedMs ?? 0) / 1000) ?? [],
            borderColor: GREEN,
            backgroundColor: GREEN,
            pointRadius: 6,
            pointHoverRadius: 8,
            yAxisID: 'y1',
          },
        ],
      },
      options: { scales: { y: { beginAtZero: true }, y1: { beginAtZero: true, position: 'right' } } },
    }),
    [detail.data],
  );
  const scrollChart = useMemo<ChartConfiguration>(
    () => ({
      type: 'bar',
      data: {
        labels: (detail.data?.scrollDepth ?? []).map((_, i) =>
          i === 10 ? '100%' : `${i * 10}–${i * 10 + 9}%`,
        ),
        datasets: [
          {
            label: 'Page views by deepest scroll',
            data: detail.data?.scrollDepth ?? [],
            backgroundColor: GREEN,
          },
        ],
      },
    }),
    [detail.data],
  );

  return (
    <section>
      <h1>Pages</h1>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </form>
      {error && <p className="error">{error}</p>}
      {data && pages.length === 0 && <p className="empty">No page views yet.</p>}
      {pages.length > 0 && (
        <>
          <ChartView config={viewsChart} label="Page views by path" />
          <table>
            <thead>
              <tr>
                <th>Path</th>
                <th>Views</th>
                <th>Sessions</th>
                <th>Mean engaged time</th>
                <th>Mean scroll depth</th>
                <th>Clicks</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {pages.map((p) => (
                <tr key={p.path} aria-selected={p.path === path} onClick={() => setSelected(p.path)}>
                  <td className="mono">{p.path}</td>
                  <td>{p.views}</td>
                  <td>{p.sessions}</td>
                  <td>{duration(p.avgEngagedMs)}</td>
                  <td>{percent(p.avgScrollPct)}</td>
                  <td>{p.clicks}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate(`/heatmap?path=${encodeURIComponent(p.path)}`)}
                    >
                      Heatmap
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {path && detail.data && (
            <div className="charts">
              <h2 className="mono">{path}</h2>
              <ChartView config={dailyChart} label={`Daily views and engaged time of ${path}`} />
              <ChartView config={scrollChart} label={`Scroll depth of ${path}`} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
