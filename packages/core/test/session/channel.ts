/**
 * BroadcastChannel as browsers give it: a message reaches, in a later task, every other open
 * channel of its name that existed when it was posted. `latencyMs` models tabs busy loading.
 */
export function installBroadcastChannel(latencyMs = 0) {
  const open = new Set<FakeChannel>();
  class FakeChannel {
    onmessage: ((event: MessageEvent) => void) | null = null;
    constructor(readonly name: string) {
      open.add(this);
    }
    postMessage(data: unknown) {
      if (!open.has(this)) throw new DOMException('closed channel', 'InvalidStateError');
      for (const to of open) {
        if (to === this || to.name !== this.name) continue;
        setTimeout(() => open.has(to) && to.onmessage?.(new MessageEvent('message', { data })), latencyMs);
      }
    }
    close() {
      open.delete(this);
    }
  }
  Object.defineProperty(globalThis, 'BroadcastChannel', { value: FakeChannel, configurable: true });
}
