import type { EventInput } from '../events';
import { checkIdentify } from '../identity/identify';
import type { Identity } from '../identity/visitor';
import type { Privacy } from '../privacy';
import { checkCustomEventWith, type JsonConversion } from '../props/customEvent';

/**
 * `track()` and `identify()`: the events the app itself sends. They never throw (they run inside
 * the app's own handlers); what JSON cannot hold is reported as `invalid-event` and dropped.
 */
export function createAppEvents(options: {
  privacy: Privacy;
  identity: Identity;
  emit(input: EventInput): void;
  report(code: string, message: string): void;
  destroyed(): boolean;
  /** How props and traits become JSON (a part: the lite tracker's is smaller). */
  json: JsonConversion;
}) {
  const { privacy } = options;
  return {
    track(name: string, props?: unknown): void {
      if (options.destroyed()) return;
      const checked = checkCustomEventWith(name, props, options.json);
      if (!checked.ok) {
        options.report('invalid-event', checked.message);
        return;
      }
      options.emit({
        type: 'custom',
        name: privacy.scrubText(checked.name),
        props: privacy.scrubValue(checked.props),
      });
    },
    identify(userId: string, traits?: Record<string, unknown>): void {
      if (options.destroyed()) return;
      const checked = checkIdentify(userId, traits, options.json);
      if (!checked.ok) {
        options.report('invalid-event', checked.message);
        return;
      }
      options.identity.setUser(checked.userId);
      options.emit({ type: 'identify', userId: checked.userId, traits: privacy.scrubValue(checked.traits) });
    },
  };
}
