import { record } from '@rrweb/record';
import { createInputHold } from './inputHold';
import { assertSelectors, sanitizeEvent, toRecorderPrivacy } from './privacy';
import { RECORDED_EVENT_TYPE, type RecordedEvent, type Recorder, type Recording } from './recorder';

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
}

/**
 * Creates the default recorder, built on `@rrweb/record`. Scripts, comments and noisy `<head>`
 * content are never recorded; canvas recording (which needs a `blob:` worker) stays off, so a
 * strict Content-Security-Policy does not break recording.
 *
 * @example
 * createReplayPlugin({ recorder: createRrwebRecorder({ mouseMoveIntervalMs: 100 }) });
 */
/* @__NO_SIDE_EFFECTS__ */
export function createRrwebRecorder(options: RrwebRecorderOptions = {}): Recorder {
  return {
    name: 'rrweb',
    start(start): Recording {
      assertSelectors(start.document, start.privacy);
      const lookup = (id: number): Node | null => record.mirror.getNode(id);
      let stopped = false;
      const inputs = createInputHold(start.document, start.privacy, lookup, (event) =>
        start.emit(event, false),
      );
      const onEvent = (event: RecordedEvent) => {
        if (stopped) return;
        try {
          sanitizeEvent(start.privacy, event, lookup);
        } catch (error) {
          // An event that could not be checked is dropped rather than sent unredacted.
          start.reportError(error);
          return;
        }
        const isMeta = event.type === RECORDED_EVENT_TYPE.meta;
        // Typed values reach the recording before the full snapshot that follows them.
        if (isMeta) inputs.release();
        if (inputs.hold(event)) return;
        start.emit(event, isMeta || event.type === RECORDED_EVENT_TYPE.fullSnapshot);
      };
      let stopRecord = record<RecordedEvent>({
        ...toRecorderPrivacy(start.privacy, start.blockMedia),
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
        },
        errorHandler: (error) => {
          start.reportError(error);
          return true;
        },
      });
      return {
        takeFullSnapshot() {
          if (stopped) return;
          try {
            record.takeFullSnapshot(true);
          } catch (error) {
            start.reportError(error);
          }
        },
        stop() {
          if (stopped) return;
          inputs.release();
          stopped = true;
          inputs.stop();
          try {
            stopRecord?.();
          } catch (error) {
            start.reportError(error);
          }
          stopRecord = undefined;
        },
      };
    },
  };
}
