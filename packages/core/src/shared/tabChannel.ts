import { getWindow } from '../env';

/** Says things to the site's other open tabs, and hears what they say (one BroadcastChannel). */
export interface TabChannel<TMessage> {
  open(onMessage: (message: TMessage) => void): void;
  /** False when there is no channel to say it on. */
  announce(message: TMessage): boolean;
  /** There is a channel: other tabs hear what this one says. */
  isOpen(): boolean;
  close(): void;
}

/**
 * The channel `spoor:<name>` of this site's tabs. Opened through the window (Node has a
 * BroadcastChannel too, which would keep a server-side render alive); where there is none, or it
 * cannot be made (an opaque origin), nothing is said or heard.
 */
export function createTabChannel<TMessage>(name: string): TabChannel<TMessage> {
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
    announce(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel: the other tabs read the store when they next need it.
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
