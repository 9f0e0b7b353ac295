// PostHog with autocapture and session recording on (the recorder loads lazily, as from PostHog's CDN).
import posthog from 'posthog-js';

posthog.init('phc_bench', {
  api_host: `${location.origin}/ph`,
  autocapture: true,
  capture_pageview: 'history_change',
  // The browser is automated (navigator.webdriver): without this PostHog drops every event as a bot's.
  opt_out_useragent_filter: true,
  disable_session_recording: false,
});
window.__benchCheck = () => {
  const recording = posthog.sessionRecordingStarted ? posthog.sessionRecordingStarted() : false;
  return {
    ok: !!posthog.__loaded && recording,
    detail: `loaded ${!!posthog.__loaded}, recording ${recording}`,
  };
};
