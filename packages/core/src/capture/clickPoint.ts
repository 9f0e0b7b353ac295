/** Where a click landed: page coordinates (rounded) and viewport coordinates, read at dispatch. */
export interface ClickPoint {
  x: number;
  y: number;
  clientX: number;
  clientY: number;
}

// A trusted event's page coordinates come with it; synthetic ones (and some environments) leave
// them at 0, so those fall back to client + scroll.
export function pointOf(event: MouseEvent, win: Window): ClickPoint {
  const trusted = event.isTrusted;
  const pageX = trusted && typeof event.pageX === 'number' ? event.pageX : event.clientX + win.scrollX;
  const pageY = trusted && typeof event.pageY === 'number' ? event.pageY : event.clientY + win.scrollY;
  return { x: Math.round(pageX), y: Math.round(pageY), clientX: event.clientX, clientY: event.clientY };
}

const round3 = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * Where inside the target's box the click landed, 0..1 each way (0 for an empty box, such as
 * an element the page removed). The box is read after the paint, against the coordinates of the
 * click: a page that moves the target in its click handler shifts the answer.
 */
export function withinBox(point: ClickPoint, rect: DOMRect): { rx: number; ry: number } {
  return {
    rx: rect.width > 0 ? round3((point.clientX - rect.left) / rect.width) : 0,
    ry: rect.height > 0 ? round3((point.clientY - rect.top) / rect.height) : 0,
  };
}
