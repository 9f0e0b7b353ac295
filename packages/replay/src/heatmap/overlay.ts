import type { ClickHeatmap } from './aggregate';
import { clickHeatmapPoints, DEFAULT_GRADIENT, drawHeatmap, type HeatmapStyle } from './render';

/** Options of {@link createHeatmapOverlay}. */
export interface HeatmapOverlayOptions extends HeatmapStyle {
  /**
   * Vertical scroll of the page under the overlay, in CSS pixels of the target (for a replay frame).
   * @default 0
   */
  scrollY?: number;
  /**
   * Where the legend goes.
   * @default after the canvas, inside the target's parent
   */
  legendContainer?: HTMLElement;
  /**
   * Text after the highest count in the legend.
   * @default 'clicks'
   */
  unit?: string;
}

/** A heatmap canvas laid over a page image, a screenshot or a replay frame. */
export interface HeatmapOverlay {
  readonly canvas: HTMLCanvasElement;
  readonly legend: HTMLElement;
  /** Draws a heatmap (again), for example after the target was resized or scrolled. */
  update(heatmap: ClickHeatmap, options?: Pick<HeatmapOverlayOptions, 'scrollY'>): void;
  /** Removes the canvas and the legend. */
  destroy(): void;
}

/**
 * Lays a heatmap canvas with a legend over `target` (an `<img>` of the page, a screenshot or the
 * replay player's stage). The canvas covers the target exactly and lets clicks through; its
 * parent becomes `position: relative` if it was static.
 *
 * @example
 * const [map] = aggregateClicks(events).filter((m) => m.path === '/pricing' && m.bucket === 'desktop');
 * const overlay = createHeatmapOverlay(document.querySelector('img.page')!, map);
 */
/* @__NO_SIDE_EFFECTS__ */
export function createHeatmapOverlay(
  target: HTMLElement,
  heatmap: ClickHeatmap,
  options: HeatmapOverlayOptions = {},
): HeatmapOverlay {
  const document = target.ownerDocument;
  const parent = target.parentElement ?? document.body;
  const view = document.defaultView;
  if (view && view.getComputedStyle(parent).position === 'static') parent.style.position = 'relative';

  const canvas = document.createElement('canvas');
  canvas.className = 'spoor-heatmap';
  canvas.setAttribute('aria-hidden', 'true');

  const legend = document.createElement('div');
  legend.className = 'spoor-heatmap-legend';
  legend.style.cssText = 'display:flex;align-items:center;gap:6px;font:12px system-ui,sans-serif';
  const low = document.createElement('span');
  const bar = document.createElement('span');
  const stops = Object.entries(options.gradient ?? DEFAULT_GRADIENT)
    .sort((a, b) => Number(a[0]) - Number(b[0]))
    .map(([stop, color]) => `${color} ${Number(stop) * 100}%`);
  bar.style.cssText = `display:inline-block;width:120px;height:10px;background:linear-gradient(to right, transparent 0%, ${stops.join(', ')})`;
  const high = document.createElement('span');
  legend.append(low, bar, high);
  if (options.legendContainer) options.legendContainer.append(legend);
  else parent.append(legend);
  parent.insertBefore(canvas, target.nextSibling);

  const update = (next: ClickHeatmap, extra: Pick<HeatmapOverlayOptions, 'scrollY'> = {}) => {
    const width = target.offsetWidth;
    const height = target.offsetHeight;
    const ratio = view?.devicePixelRatio || 1;
    canvas.style.cssText = `position:absolute;pointer-events:none;left:${target.offsetLeft}px;top:${target.offsetTop}px;width:${width}px;height:${height}px`;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    const scrollY = extra.scrollY ?? options.scrollY ?? 0;
    drawHeatmap(canvas, clickHeatmapPoints(next, width, -scrollY), next.max, options);
    low.textContent = '0';
    high.textContent = `${next.max} ${options.unit ?? 'clicks'}`;
    legend.setAttribute('aria-label', `Heatmap scale from 0 to ${next.max} ${options.unit ?? 'clicks'}`);
  };
  update(heatmap);

  return {
    canvas,
    legend,
    update,
    destroy() {
      canvas.remove();
      legend.remove();
    },
  };
}
