// The page: a tracker sending through the custom transport, and a view of what the backend stored.
import { createTracker } from '@spoor/core';
import { createBackendTransport } from './backendTransport';

const params = new URLSearchParams(location.search);
const token = params.get('token') ?? 'demo-token';

const tracker = createTracker({
  transport: createBackendTransport({ url: '/api/events', token, user: 'user-42' }),
  batch: { maxEvents: 20, flushIntervalMs: 2000 },
  delivery: { backoff: { baseMs: 500, maxMs: 5000 } },
});
(window as unknown as { tracker: typeof tracker }).tracker = tracker;

const errors = document.querySelector<HTMLUListElement>('#errors');
tracker.on('transport:error', (event) => {
  const item = document.createElement('li');
  item.textContent = `${event.transport}: ${event.reason} — ${event.dropped} event(s) dropped`;
  errors?.append(item);
});

document
  .querySelector('#plan')
  ?.addEventListener('click', () => tracker.track('plan_chosen', { plan: 'pro' }));
document.querySelector('#flush')?.addEventListener('click', () => void tracker.flush());
document.querySelector('#outage')?.addEventListener('click', () => {
  void fetch('/api/fail-next', { method: 'POST', body: JSON.stringify({ count: 2, status: 503 }) });
});

const stored = document.querySelector<HTMLPreElement>('#stored');
async function refresh() {
  try {
    const res = await fetch('/api/events');
    const events = (await res.json()) as unknown[];
    if (stored) stored.textContent = JSON.stringify(events.slice(-15), null, 2);
  } catch {
    // The demo server is gone: leave the last view.
  }
}
setInterval(refresh, 1000);

tracker.start();
