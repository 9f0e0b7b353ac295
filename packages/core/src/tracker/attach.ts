import type { CaptureContext } from '../capture/context';
import type { ResumablePageView } from '../capture/navigation';
import type { CaptureTable } from '../capture/sources';
import { type CaptureHandle, startSources, type TableOptions } from '../capture/start';
import type { NavigationKind } from '../events';
import type { PluginContext, TrackerPlugin } from '../plugin';
import { startPlugins } from './plugins';
import type { SnapshotStore } from './snapshot';

/** What runs while a tracker captures: its capture sources, then its plugins. */
export interface Attachment {
  pageView(navigation?: NavigationKind): void;
  /** Detaches the plugins (last first), then capture; returns the page view in progress. */
  detach(): ResumablePageView | null;
}

export interface AttachOptions {
  base: Omit<CaptureContext, 'reportError'>;
  sources: CaptureTable;
  capture: TableOptions;
  plugins: readonly TrackerPlugin[];
  /** The page view a stop interrupted, continued when the URL is still the same. */
  resume: ResumablePageView | null;
  snapshot: SnapshotStore;
  report(code: 'capture-failed' | 'plugin-failed', error: unknown): void;
}

/** Starts capture, then the plugins. Never throws: failures are reported. */
export function attach(options: AttachOptions): Attachment {
  const { base, report } = options;
  let capture: CaptureHandle | undefined;
  try {
    capture = startSources(
      { ...base, reportError: (error) => report('capture-failed', error) },
      options.capture,
      options.resume,
      options.sources,
    );
  } catch (error) {
    report('capture-failed', error);
  }
  const stopPlugins = startPlugins(
    options.plugins,
    {
      ...base,
      on: base.on as PluginContext['on'],
      getSnapshot: options.snapshot.get,
      subscribe: options.snapshot.subscribe,
    },
    (error) => report('plugin-failed', error),
  );
  return {
    pageView: (navigation) => capture?.pageView(navigation),
    detach() {
      stopPlugins();
      let view: ResumablePageView | null = null;
      try {
        view = capture?.currentPageView() ?? null;
        capture?.stop();
      } catch (error) {
        report('capture-failed', error);
      }
      return view;
    },
  };
}
