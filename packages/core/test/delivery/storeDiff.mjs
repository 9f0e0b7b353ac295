// Differential check of delivery storage in Chromium, old code against new.
// Usage: node packages/core/test/delivery/storeDiff.mjs [--rev <git rev>]
// Runs the same 300 seeded random put/remove/reown/claim/release operations from three "tabs"
// sharing one database on the code at --rev (default HEAD) and on the code now, over IndexedDB and
// over localStorage, and compares every result (evictions with owner, transport and event count,
// reowned ids, claims, expiries, what is left). Prints whether they are identical.
import { arg, openRevisions } from './revisions.mjs';

const rev = arg('--rev', 'HEAD');
const { codes, url, browser, close } = await openRevisions(rev);
const out = {};
for (const which of ['old', 'new'])
  for (const backendKind of ['idb', 'ls']) {
    const page = await (await browser.newContext()).newPage();
    await page.goto(url);
    await page.addScriptTag({ content: codes[which] });
    out[which + backendKind] = await page.evaluate(async (kind) => {
      let seed = 7;
      const rnd = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed / 2147483648;
      };
      const mk = () =>
        kind === 'idb'
          ? D.createIndexedDbBackend(indexedDB, 'diff', D.createMemoryBackend())
          : D.createLocalStorageBackend(localStorage, 'diff');
      const opts = { maxBytes: 60_000, maxAgeMs: 100_000, leaseMs: 1000 };
      const tabs = [
        D.createBatchStore(mk(), opts),
        D.createBatchStore(mk(), opts),
        D.createBatchStore(mk(), opts),
      ];
      const log = [];
      const ids = [];
      let t = 1000;
      for (let step = 0; step < 300; step++) {
        const k = Math.floor(rnd() * 3);
        const store = tabs[k];
        const owner = `tab${k}`;
        const op = rnd();
        t += Math.floor(rnd() * 50);
        if (op < 0.55) {
          const n = 1 + Math.floor(rnd() * 3);
          const bytes = 500 + Math.floor(rnd() * 12000);
          const id = `b${step}`;
          ids.push(id);
          const ev = await store.put({
            id,
            transport: rnd() < 0.8 ? 'http' : 'other',
            owner,
            createdAt: t - Math.floor(rnd() * 3000),
            attempt: 0,
            bytes,
            events: Array.from({ length: n }, (_, i) => ({ id: `${id}.${i}` })),
          });
          log.push(['put', id, ev.map((e) => [e.id, e.owner, e.transport, e.events.length])]);
        } else if (op < 0.7) {
          const some = ids.filter(() => rnd() < 0.2);
          await store.remove(some);
          log.push(['remove', some]);
        } else if (op < 0.82) {
          const some = ids.filter(() => rnd() < 0.3);
          const kept = await store.reown(owner, some, t);
          log.push(['reown', owner, [...kept].sort()]);
        } else if (op < 0.92) {
          const r = await store.claim(owner, 'http', t);
          log.push(['claim', owner, r.claimed.map((b) => [b.id, b.owner]), r.expired.map((b) => b.id)]);
        } else {
          await store.release(owner);
          log.push(['release', owner]);
        }
      }
      const final = await D.createBatchStore(mk(), opts).claim('final', 'http', t + 5000);
      log.push(['final', final.claimed.map((b) => [b.id, b.bytes, b.events.length]).sort()]);
      return log;
    }, backendKind);
    await page.context().close();
  }
const same = (a, b) => JSON.stringify(out[a]) === JSON.stringify(out[b]);
console.log(
  'idb old==new',
  same('oldidb', 'newidb'),
  'ls old==new',
  same('oldls', 'newls'),
  'ops',
  out.newidb.length,
  'evictions',
  out.newidb.filter((r) => r[0] === 'put' && r[2].length).length,
  'final',
  out.newidb.at(-1)[1].length,
);
if (!same('oldidb', 'newidb'))
  for (let i = 0; i < out.oldidb.length; i++)
    if (JSON.stringify(out.oldidb[i]) !== JSON.stringify(out.newidb[i])) {
      console.log(i, JSON.stringify(out.oldidb[i]), JSON.stringify(out.newidb[i]));
      break;
    }
await close();
if (!same('oldidb', 'newidb') || !same('oldls', 'newls')) process.exitCode = 1;
