// PostHog as its docs set it up: autocapture on, page views on history changes, recording off.
import posthog from 'posthog-js';

posthog.init('phc_bench', {
  api_host: `${location.origin}/ph`,
  autocapture: true,
  capture_pageview: 'history_change',
  // The browser is automated (navigator.webdriver): without this PostHog drops every event as a bot's.
  opt_out_useragent_filter: true,
  disable_session_recording: true,
});
window.__benchCheck = () => ({ ok: !!posthog.__loaded, detail: `loaded ${!!posthog.__loaded}` });
