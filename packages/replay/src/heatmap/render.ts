import type { ClickHeatmap } from './aggregate';

/** A point to draw: canvas x and y in CSS pixels, and its weight. */
export type HeatPoint = [x: number, y: number, value: number];

/** How a heatmap looks. */
export interface HeatmapStyle {
  /**
   * Radius of one point's glow, in CSS pixels.
   * @default 24
   */
  radius?: number;
  /**
   * Opacity of the faintest drawn point, 0..1.
   * @default 0.05
   */
  minOpacity?: number;
  /**
   * Opacity of the hottest colour, 0..1.
   * @default 0.75
   */
  maxOpacity?: number;
  /**
   * Colour stops from cold (0) to hot (1).
   * @default { 0.25: 'blue', 0.55: 'cyan', 0.7: 'lime', 0.85: 'yellow', 1: 'red' }
   */
  gradient?: Readonly<Record<number, string>>;
}

export const DEFAULT_GRADIENT: Readonly<Record<number, string>> = {
  0.25: 'blue',
  0.55: 'cyan',
  0.7: 'lime',
  0.85: 'yellow',
  1: 'red',
};

function palette(document: Document, gradient: Readonly<Record<number, string>>): Uint8ClampedArray {
  const canvas = document.createElement('canvas');
  canvas.width = 256;
  canvas.height = 1;
  const ctx = canvas.getContext('2d');
  if (!ctx) return new Uint8ClampedArray(1024);
  const fill = ctx.createLinearGradient(0, 0, 256, 0);
  for (const [stop, color] of Object.entries(gradient)) fill.addColorStop(Number(stop), color);
  ctx.fillStyle = fill;
  ctx.fillRect(0, 0, 256, 1);
  return ctx.getImageData(0, 0, 256, 1).data;
}

/**
 * Draws weighted points as a heatmap (the classic two-pass method: blurred alpha stamps, then a
 * colour palette looked up by alpha). Clears the canvas first. Coordinates are CSS pixels; the
 * canvas may be larger (device pixels), its CSS size is read from `canvas.style` or its attributes.
 *
 * @example
 * drawHeatmap(canvas, [[40, 60, 3], [45, 62, 1]], 3);
 */
export function drawHeatmap(
  canvas: HTMLCanvasElement,
  points: readonly HeatPoint[],
  max: number,
  style: HeatmapStyle = {},
): void {
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return;
  const document = canvas.ownerDocument;
  const cssWidth = Number.parseFloat(canvas.style.width) || canvas.width;
  const scale = canvas.width / cssWidth;
  const radius = Math.max(1, (style.radius ?? 24) * scale);
  const minOpacity = style.minOpacity ?? 0.05;
  const maxOpacity = style.maxOpacity ?? 0.75;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (points.length === 0 || !(max > 0)) return;

  const stamp = document.createElement('canvas');
  stamp.width = stamp.height = Math.ceil(radius * 2);
  const stampCtx = stamp.getContext('2d');
  if (!stampCtx) return;
  const glow = stampCtx.createRadialGradient(radius, radius, 0, radius, radius, radius);
  glow.addColorStop(0, 'rgba(0,0,0,1)');
  glow.addColorStop(1, 'rgba(0,0,0,0)');
  stampCtx.fillStyle = glow;
  stampCtx.fillRect(0, 0, stamp.width, stamp.height);

  for (const [x, y, value] of points) {
    ctx.globalAlpha = Math.min(1, Math.max(minOpacity, value / max));
    ctx.drawImage(stamp, x * scale - radius, y * scale - radius);
  }
  ctx.globalAlpha = 1;

  const colors = palette(document, style.gradient ?? DEFAULT_GRADIENT);
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const pixels = image.data;
  for (let index = 3; index < pixels.length; index += 4) {
    const alpha = pixels[index]!;
    if (alpha === 0) continue;
    const offset = alpha * 4;
    pixels[index - 3] = colors[offset]!;
    pixels[index - 2] = colors[offset + 1]!;
    pixels[index - 1] = colors[offset + 2]!;
    pixels[index] = Math.min(255, alpha * 1.6) * maxOpacity;
  }
  ctx.putImageData(image, 0, 0);
}

/**
 * Turns a click grid into points for a page drawn `width` CSS pixels wide; `offsetY` shifts them
 * (for example by minus the scroll position of a replay frame).
 */
export function clickHeatmapPoints(heatmap: ClickHeatmap, width: number, offsetY = 0): HeatPoint[] {
  const cell = width / heatmap.columns;
  return heatmap.cells.map(([column, row, clicks]) => [
    (column + 0.5) * cell,
    (row + 0.5) * cell + offsetY,
    clicks,
  ]);
}
