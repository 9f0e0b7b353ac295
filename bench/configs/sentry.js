// @sentry/browser with its default integrations (errors, breadcrumbs), no replay.
import * as Sentry from '@sentry/browser';

Sentry.init({ dsn: `http://public@${location.host}/1` });
window.__benchCheck = () => ({ ok: !!Sentry.getClient(), detail: `client ${!!Sentry.getClient()}` });
window.__benchFlush = () => Sentry.flush(2000);
