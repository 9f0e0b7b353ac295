import { RECORDED_EVENT_TYPE, type RecordedEvent, type Recorder, type Recording } from './recorder';
import type { InputHold } from './runtime';
import { assertSelectors } from './selectors';

/** Options of {@link createRrwebRecorder}. */
export interface RrwebRecorderOptions {
  /**
   * Minimum milliseconds between two recorded pointer positions.
   * @default 50
   */
  mouseMoveIntervalMs?: number;
  /**
   * Minimum milliseconds between two recorded scroll positions of one element.
   * @default 150
   */
  scrollIntervalMs?: number;
  /**
   * When a masked field's value is recorded: `'pause'` once the visitor pauses typing (250 ms) or
   * leaves the field, `'last'` only when the value is committed (`change`), `'all'` on every
   * keystroke. Masked values carry only `*`, so every keystroke would record one more `*`.
   * Unmasked fields are always recorded when committed, so that scrubbing sees whole values.
   * @default 'pause'
   */
  inputs?: 'pause' | 'last' | 'all';
}

type RecordFunction = typeof import('@rrweb/record')['record'];
type Runtime = typeof import('@spoor/replay/rrweb-privacy');
interface RecordModule {
  record: RecordFunction;
  runtime: Runtime;
}

let loading: Promise<RecordModule> | undefined;

/**
 * Loads `@rrweb/record` and Spoor's masking for it once per page. They are dynamic imports so that
 * the app's bundler puts them in chunks of their own, fetched only when a session is actually
 * recorded. A failed load is forgotten, so a later recording may try again.
 */
function loadRecord(): Promise<RecordModule> {
  if (!loading) {
    const pending = Promise.all([import('@rrweb/record'), import('@spoor/replay/rrweb-privacy')]).then(
      ([rrweb, runtime]) => ({ record: rrweb.record, runtime }),
    );
    loading = pending;
    pending.catch(() => {
      if (loading === pending) loading = undefined;
    });
  }
  return loading;
}

/**
 * Starts loading the default recorder's code (`@rrweb/record`, a chunk of its own) before the first
 * recording needs it, for instance once the visitor has granted consent. Never rejects: a failed
 * load is reported by the recording that needs it.
 *
 * @example
 * tracker.consent.grant();
 * preloadRrwebRecorder();
 */
export function preloadRrwebRecorder(): Promise<void> {
  return loadRecord().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Creates the default recorder, built on `@rrweb/record`. rrweb is loaded on demand, the first time
 * a session is recorded, so pages whose session is not recorded never download it. Scripts,
 * comments and noisy `<head>` content are never recorded; canvas recording (which needs a `blob:`
 * worker) stays off, so a strict Content-Security-Policy does not break recording.
 *
 * @example
 * createReplayPlugin({ recorder: createRrwebRecorder({ mouseMoveIntervalMs: 100 }) });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createRrwebRecorder(options: RrwebRecorderOptions = {}): Recorder {
  return {
    name: 'rrweb',
    start(start): Recording {
      // Checked before anything loads: an invalid selector fails closed, synchronously.
      assertSelectors(start.document, start.privacy);
      const inputSampling = options.inputs ?? 'pause';
      let stopped = false;
      let record: RecordFunction | undefined;
      let inputs: InputHold | undefined;
      let stopRecord: (() => void) | undefined;

      const begin = (rrweb: RecordFunction, runtime: Runtime) => {
        if (stopped) return;
        const { createInputHold, passMasking, sanitizeEvent, toRecorderPrivacy } = runtime;
        // One masking decision per element per pass, shared by rrweb's serialiser and the sanitiser.
        const isTextMasked = passMasking(start.privacy, start.document);
        const privacyOptions = toRecorderPrivacy(start.privacy, start.blockMedia, isTextMasked);
        record = rrweb;
        const lookup = (id: number): Node | null => rrweb.mirror.getNode(id);
        const hold = createInputHold(
          start.document,
          start.privacy,
          lookup,
          (event) => start.emit(event, false),
          // A pause this long ends a burst of typing (docs/replay.md, Sampling).
          inputSampling === 'pause' ? 250 : undefined,
        );
        inputs = hold;
        const onEvent = (event: RecordedEvent) => {
          if (stopped) return;
          try {
            sanitizeEvent(start.privacy, event, lookup, isTextMasked);
          } catch (error) {
            // An event that could not be checked is dropped rather than sent unredacted.
            start.reportError(error);
            return;
          }
          const isMeta = event.type === RECORDED_EVENT_TYPE.meta;
          // Typed values reach the recording before the full snapshot that follows them.
          if (isMeta) hold.release();
          if (hold.hold(event)) return;
          start.emit(event, isMeta || event.type === RECORDED_EVENT_TYPE.fullSnapshot);
        };
        stopRecord = rrweb<RecordedEvent>({
          ...privacyOptions,
          emit: onEvent,
          slimDOMOptions: 'all',
          inlineStylesheet: true,
          inlineImages: false,
          recordCanvas: false,
          collectFonts: false,
          recordCrossOriginIframes: false,
          sampling: {
            mousemove: options.mouseMoveIntervalMs ?? 50,
            scroll: options.scrollIntervalMs ?? 150,
            input: inputSampling === 'last' ? 'last' : 'all',
          },
          errorHandler: (error) => {
            start.reportError(error);
            return true;
          },
        });
      };

      const recording: Recording = {
        takeFullSnapshot() {
          // Before rrweb has arrived there is nothing to do: it takes a full snapshot when it starts.
          if (stopped || !record || !stopRecord) return;
          try {
            record.takeFullSnapshot(true);
          } catch (error) {
            start.reportError(error);
          }
        },
        stop() {
          if (stopped) return;
          inputs?.release();
          stopped = true;
          inputs?.stop();
          try {
            stopRecord?.();
          } catch (error) {
            start.reportError(error);
          }
          stopRecord = undefined;
        },
      };

      // rrweb starts in a task of its own: its first full snapshot is the longest piece of work
      // recording does, and in the task that starts the tracker (or the one that loaded the
      // chunk) it made one long task of both.
      const beginSoon = (loaded: RecordModule) =>
        setTimeout(() => {
          try {
            begin(loaded.record, loaded.runtime);
          } catch (error) {
            // rrweb could not start: record nothing rather than half a page.
            start.reportError(error);
            recording.stop();
          }
        }, 0);
      loadRecord().then(
        (loaded) => {
          beginSoon(loaded);
        },
        (error: unknown) => {
          // Blocked by the network or a Content-Security-Policy: nothing is recorded.
          if (!stopped) start.reportError(error);
        },
      );
      return recording;
    },
  };
}
