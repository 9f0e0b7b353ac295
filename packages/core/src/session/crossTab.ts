import { getWindow } from '../env';

/** Tells the other tabs of this site that the stored session changed, and hears them. */
export interface CrossTab {
  open(onChange: () => void): void;
  announce(): void;
  close(): void;
}

export function createCrossTab(name: string): CrossTab {
  let channel: BroadcastChannel | undefined;
  return {
    open(onChange) {
      const BC = getWindow()?.BroadcastChannel;
      if (!BC) return;
      try {
        channel = new BC(`spoor:${name}`);
        channel.onmessage = () => onChange();
      } catch {
        channel = undefined;
      }
    },
    announce() {
      try {
        channel?.postMessage('changed');
      } catch {
        // A closed channel: other tabs will read the cookie on their next activity.
      }
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
