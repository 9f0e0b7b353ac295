// @sentry/browser with replayIntegration recording every session (its defaults mask text and inputs).
import * as Sentry from '@sentry/browser';

const replay = Sentry.replayIntegration();
Sentry.init({
  dsn: `http://public@${location.host}/1`,
  integrations: [replay],
  replaysSessionSampleRate: 1,
  replaysOnErrorSampleRate: 1,
});
window.__benchCheck = () => {
  const id = replay.getReplayId();
  return { ok: !!Sentry.getClient() && !!id, detail: `replay ${id ?? 'none'}` };
};
window.__benchFlush = async () => {
  await replay.flush();
  await Sentry.flush(2000);
};
