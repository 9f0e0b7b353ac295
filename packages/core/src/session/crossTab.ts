import { getWindow } from '../env';
import { decodeSession, type StoredSession } from './codec';

/**
 * Tells the other tabs of this site that the stored session changed: `s:` and the session this tab
 * started, else `changed`; or, while deciding without Web Locks, `c:` and the session it claims.
 */
export interface CrossTab {
  open(onMessage: (message: unknown) => void): void;
  /** False when there is no channel to say it on. */
  announce(message?: string): boolean;
  close(): void;
}

export function createCrossTab(name: string): CrossTab {
  let channel: BroadcastChannel | undefined;
  return {
    open(onMessage) {
      const BC = getWindow()?.BroadcastChannel;
      if (!BC) return;
      try {
        channel = new BC(`spoor:${name}`);
        channel.onmessage = (event) => onMessage(event.data);
      } catch {
        channel = undefined;
      }
    },
    announce(message = 'changed') {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel: other tabs will read the cookie on their next activity.
      }
      return !!channel;
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}

/** The session a message of another tab names as `kind` (`c:` a claim, `s:` a session it started). */
export const said = (message: unknown, kind: 'c:' | 's:'): StoredSession | null =>
  typeof message === 'string' && message.startsWith(kind) ? decodeSession(message.slice(2)) : null;
