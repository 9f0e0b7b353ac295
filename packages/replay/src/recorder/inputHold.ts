import type { Privacy } from '@spoor/core';
import { INCREMENTAL_SOURCE, RECORDED_EVENT_TYPE, type RecordedEvent } from './recorder';

interface InputData {
  source: number;
  id: number;
  text?: string;
}

/**
 * Holds back the keystrokes of text fields. Scrubbing needs whole values: while a visitor
 * types `ada@example.com`, the prefix `ada@exam` is not yet an e-mail address and would leave the
 * page as typed. So for fields the visitor may be recorded in, only the committed value (on
 * `change`, when the recording stops or before a full snapshot) is sent. Masked fields carry only
 * `*`: with `pauseMs`, their latest value is sent once the visitor pauses typing for that long
 * (or commits), instead of one event per keystroke; without it, every keystroke is sent.
 */
export interface InputHold {
  /** Returns true when the event was held (and must not be sent now). */
  hold(event: RecordedEvent): boolean;
  /** Sends every held value now. */
  release(): void;
  stop(): void;
}

export function createInputHold(
  document: Document,
  privacy: Privacy,
  lookup: (id: number) => Node | null,
  send: (event: RecordedEvent) => void,
  pauseMs?: number,
): InputHold {
  const held = new Map<number, RecordedEvent>();
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const releaseOne = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    const event = held.get(id);
    if (!event) return;
    held.delete(id);
    send({ ...event, timestamp: Math.max(event.timestamp, Date.now()) });
  };
  // One timer per masked field (only with `pauseMs`), armed at its first held keystroke: when it
  // fires it waits on from the latest one. With no event held, `wait` is NaN and nothing is sent.
  const onPause = (id: number) => {
    const wait = (held.get(id)?.timestamp as number) + (pauseMs as number) - Date.now();
    if (wait > 0) timers.set(id, setTimeout(onPause, wait, id));
    else releaseOne(id);
  };
  const onCommit = (event: Event) => {
    for (const [id] of held) {
      const node = lookup(id);
      if (!node || node === event.target) releaseOne(id);
    }
  };
  document.addEventListener('change', onCommit, true);
  document.addEventListener('focusout', onCommit, true);

  return {
    hold(event) {
      if (event.type !== RECORDED_EVENT_TYPE.incrementalSnapshot) return false;
      const data = event.data as InputData;
      if (data.source !== INCREMENTAL_SOURCE.input || typeof data.text !== 'string') return false;
      const element = lookup(data.id) as HTMLInputElement | null;
      if (element?.nodeType !== 1) return false;
      const { tagName, type } = element;
      // `isContentEditable` last: it makes the browser compute styles, on every keystroke of a field.
      const typed =
        tagName === 'TEXTAREA' ||
        (tagName === 'INPUT' && type !== 'checkbox' && type !== 'radio') ||
        element.isContentEditable;
      if (!typed) return false;
      if (privacy.isInputMasked(element)) {
        if (pauseMs === undefined) return false;
        if (!timers.has(data.id)) timers.set(data.id, setTimeout(onPause, pauseMs, data.id));
      }
      held.set(data.id, event);
      return true;
    },
    release() {
      for (const id of [...held.keys()]) releaseOne(id);
    },
    stop() {
      document.removeEventListener('change', onCommit, true);
      document.removeEventListener('focusout', onCommit, true);
      timers.forEach(clearTimeout);
      held.clear();
    },
  };
}
