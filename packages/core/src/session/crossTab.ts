import { getWindow } from '../env';
import type { StoredSession } from './codec';

/**
 * What a tab says to the others: the session it started (`s`), the session it claims while deciding
 * without Web Locks (`c`), the id of the session it ended (`e`), or none of these (the stored
 * session changed). Only Spoor posts on this same-origin channel, so messages are taken as said.
 */
export type TabMessage =
  | { readonly s?: StoredSession; readonly c?: StoredSession; readonly e?: string }
  | undefined;

/** Tells the other tabs of this site what changed, and hears them. */
export interface CrossTab {
  open(onMessage: (message: TabMessage) => void): void;
  /** False when there is no channel to say it on. */
  announce(message?: TabMessage): boolean;
  /** There is a channel: other tabs hear what this one says. */
  isOpen(): boolean;
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
    announce(message = {}) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel: other tabs will read the cookie on their next activity.
      }
      return !!channel;
    },
    isOpen: () => !!channel,
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
