import { createConsoleTransport, createHttpTransport, createTracker } from '@spoor/vue';

// VITE_SPOOR_ENDPOINT: where batches go. Unset: the collector's ingest path on this origin.
// `console`: log batches in the devtools instead (for `npm run dev` alone).
const endpoint = import.meta.env.VITE_SPOOR_ENDPOINT || '/v1/collect';

export const tracker = createTracker({
  transport:
    endpoint === 'console'
      ? createConsoleTransport()
      : createHttpTransport({ url: endpoint, siteKey: import.meta.env.VITE_SPOOR_SITE_KEY || 'demo' }),
  // Nothing is stored, captured or sent until the visitor accepts in the consent banner.
  consent: { mode: 'opt-in' },
});
