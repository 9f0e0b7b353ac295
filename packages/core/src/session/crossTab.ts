import { getWindow } from '../env';

/**
 * Tells the other tabs of this site that the stored session changed (or, while deciding, what
 * session this tab claims), and hears them.
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
