// A hand-drawn SVG bar chart (no chart dependency): main-thread script time over the baseline and
// gzip bytes sent per minute, one bar per configuration, medians with min–max whiskers.

const COLOURS = { spoor: '#1f7a4d', peer: '#6b7785', baseline: '#b8c0c8' };
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(value) {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

function panel({ rows, x0, width, title, unit, pick }) {
  const rowH = 26;
  const top = 46;
  const labelW = 0;
  const barX = x0 + labelW;
  const barW = width - labelW - 60;
  const max = niceMax(Math.max(...rows.map((r) => Math.max(pick(r).max, pick(r).median, 0))));
  const scale = (v) => (Math.max(0, v) / max) * barW;
  let out = `<text x="${x0}" y="24" font-size="14" font-weight="600">${esc(title)}</text>`;
  for (let t = 0; t <= 4; t++) {
    const v = (max / 4) * t;
    const x = barX + scale(v);
    out += `<line x1="${x}" y1="${top - 6}" x2="${x}" y2="${top + rows.length * rowH}" stroke="#e3e6e9"/>`;
    out += `<text x="${x}" y="${top + rows.length * rowH + 16}" font-size="11" text-anchor="middle" fill="#555">${Math.round(v)}</text>`;
  }
  out += `<text x="${barX + barW / 2}" y="${top + rows.length * rowH + 32}" font-size="11" text-anchor="middle" fill="#555">${esc(unit)}</text>`;
  rows.forEach((row, i) => {
    const s = pick(row);
    const y = top + i * rowH;
    const w = scale(s.median);
    out += `<rect x="${barX}" y="${y}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${COLOURS[row.group]}" rx="2"><title>${esc(row.label)}: ${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})</title></rect>`;
    if (Number.isFinite(s.min) && s.max > s.min) {
      const cy = y + (rowH - 8) / 2;
      out += `<line x1="${(barX + scale(s.min)).toFixed(1)}" y1="${cy}" x2="${(barX + scale(s.max)).toFixed(1)}" y2="${cy}" stroke="#222" stroke-width="1.2"/>`;
      out += `<line x1="${(barX + scale(s.min)).toFixed(1)}" y1="${cy - 4}" x2="${(barX + scale(s.min)).toFixed(1)}" y2="${cy + 4}" stroke="#222"/>`;
      out += `<line x1="${(barX + scale(s.max)).toFixed(1)}" y1="${cy - 4}" x2="${(barX + scale(s.max)).toFixed(1)}" y2="${cy + 4}" stroke="#222"/>`;
    }
    out += `<text x="${(barX + Math.max(w, scale(s.max)) + 6).toFixed(1)}" y="${y + rowH - 13}" font-size="11" fill="#222">${s.median >= 100 ? Math.round(s.median) : s.median.toFixed(1)}</text>`;
  });
  return out;
}

/** @param {ReturnType<import('./stats.mjs').summarise>} summary */
export function renderChart(summary) {
  const rows = summary.filter((r) => r.id !== 'baseline');
  const labelW = 210;
  const panelW = 330;
  const rowH = 26;
  const height = 46 + rows.length * rowH + 60;
  const width = labelW + panelW * 2 + 40;
  let labels = '';
  rows.forEach((row, i) => {
    labels += `<text x="${labelW - 10}" y="${46 + i * rowH + rowH - 13}" font-size="12" text-anchor="end" font-weight="${row.group === 'spoor' ? 600 : 400}">${esc(row.label)}</text>`;
  });
  const left = panel({
    rows,
    x0: labelW,
    width: panelW,
    title: 'Main-thread script time over baseline',
    unit: 'ms over the whole workload (median, min–max)',
    pick: (r) => r.scriptDelta,
  });
  const right = panel({
    rows,
    x0: labelW + panelW + 30,
    width: panelW,
    title: 'Sent per minute (gzip)',
    unit: 'KB/min of workload (median, min–max)',
    pick: (r) => r.gzipKBmin,
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, sans-serif">
<rect width="100%" height="100%" fill="#fff"/>
${labels}
${left}
${right}
</svg>
`;
}
