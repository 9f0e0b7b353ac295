// rrweb's recorder alone (the version @spoor/replay pins), with a minimal sender: a JSON POST of the
// buffered events every 1.5 s, the interval @spoor/replay flushes at. Inputs masked, like Spoor.
import { record } from '@rrweb/record';

let buffer = [];
let recorded = 0;
const send = () => {
  if (buffer.length === 0) return Promise.resolve();
  const body = JSON.stringify(buffer);
  buffer = [];
  return fetch('/rrweb/collect', {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json' },
  }).catch(() => {});
};
const stop = record({
  emit(event) {
    recorded += 1;
    buffer.push(event);
  },
  maskAllInputs: true,
});
setInterval(send, 1500);
window.__benchCheck = () => ({ ok: !!stop && recorded > 0, detail: `${recorded} events recorded` });
window.__benchFlush = send;
