// Snowplow's browser tracker with page views, page pings, link clicks and form tracking.
import { enableFormTracking, FormTrackingPlugin } from '@snowplow/browser-plugin-form-tracking';
import {
  enableLinkClickTracking,
  LinkClickTrackingPlugin,
} from '@snowplow/browser-plugin-link-click-tracking';
import { enableActivityTracking, newTracker, trackPageView } from '@snowplow/browser-tracker';

const tracker = newTracker('sp', `${location.origin}/sp`, {
  appId: 'bench',
  eventMethod: 'post',
  plugins: [LinkClickTrackingPlugin(), FormTrackingPlugin()],
});
enableActivityTracking({ minimumVisitLength: 5, heartbeatDelay: 5 });
enableLinkClickTracking({ pseudoClicks: true });
enableFormTracking();
trackPageView();
// A router calls trackPageView on every navigation.
window.addEventListener('bench:navigate', () => trackPageView());
window.__benchCheck = () => ({ ok: !!tracker, detail: tracker ? `tracker ${tracker.id}` : 'no tracker' });
