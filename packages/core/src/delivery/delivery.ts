import { getNavigator, getWindow, now } from '../env';
import { describeError } from '../errors';
import type { EventInput, TrackerEvent } from '../events';
import { createId } from '../id';
import type { Transport } from '../transports/transport';
import { createIncomingEvents } from './incoming';
import { openBatchStore } from './openBatchStore';
import {
  type BatchOptions,
  checkSettings,
  type DeliverySettings,
  type ResolvedDeliverySettings,
  resolveBatchOptions,
  resolveDeliverySettings,
} from './options';
import { listenToPage } from './pageEvents';
import type { BatchStore } from './store';
import { createTransportQueue, type TransportQueue } from './transportQueue';

export interface DeliveryOptions {
  transports: Transport[];
  batch?: BatchOptions;
  settings?: DeliverySettings;
  /** Puts a local event (`transport:error`, `tracker:error`) on the tracker's bus. */
  report(event: EventInput): void;
}

/** The tracker's view of delivery: one queue per transport behind it. */
export interface Delivery {
  enqueue(event: TrackerEvent): void;
  /** Sends everything waiting; `keepalive` when the page is being left. */
  flush(options?: { keepalive?: boolean }): Promise<void>;
  /** Forgets every queued and stored event (consent denied). */
  clear(): Promise<void>;
  /** Begins timers and page listeners, and picks up batches earlier page loads left behind. */
  start(): void;
  /** Ends timers and page listeners; keeps what is queued. */
  stop(): void;
}

/**
 * Creates the delivery pipeline behind a tracker: one queue per transport, each batching,
 * retrying with backoff, persisting and flushing at page exit on its own, so a failing
 * transport never holds the others back.
 *
 * @example
 * const delivery = createDelivery({ transports: [createHttpTransport({ url: '/collect' })], report: bus.emit });
 * delivery.start();
 * delivery.enqueue(event);
 */
/* @__NO_SIDE_EFFECTS__ */
export function createDelivery(options: DeliveryOptions): Delivery {
  return createDeliveryWith(options, openBatchStore);
}

/** {@link createDelivery} over another store: the lite tracker keeps batches in memory only. */
/* @__NO_SIDE_EFFECTS__ */
export function createDeliveryWith(
  options: DeliveryOptions,
  openStore: (settings: ResolvedDeliverySettings, reportStorage: (error: unknown) => void) => BatchStore,
): Delivery {
  checkSettings(options.settings);
  const settings = resolveDeliverySettings(options.settings);
  const batching = resolveBatchOptions(options.batch);
  const { leaseMs } = settings;
  const owner = createId();
  let store: BatchStore | undefined;
  let queues: { name: string; queue: TransportQueue }[] | undefined;
  let lastBeat = 0;
  let needsCheck = false;
  let checking: Promise<void> | undefined;
  let storageReported = false;
  let started = false;
  let cleanups: (() => void)[] = [];

  const safeReport = (event: EventInput) => {
    try {
      options.report(event);
    } catch {
      // A throwing listener must not break delivery.
    }
  };
  const reportStorage = (error: unknown) => {
    if (storageReported) return;
    storageReported = true;
    safeReport({ type: 'tracker:error', code: 'storage-failed', message: describeError(error) });
  };
  const isOnline = () => getNavigator()?.onLine !== false;

  const getStore = () => {
    store ??= openStore(settings, reportStorage);
    return store;
  };

  // A tab asleep for longer than its lease (frozen, throttled, in the back/forward cache) may
  // have had its stored batches taken over: it checks before sending again.
  const ensureOwnership = (): Promise<void> => {
    if (!needsCheck && now() - lastBeat < leaseMs / 2) return Promise.resolve();
    checking ??= (async () => {
      const all = getQueues();
      try {
        const ids = all.flatMap(({ queue }) => queue.storedIds());
        const kept = await getStore().reown(owner, ids, now());
        for (const { queue } of all) queue.keep(ids, kept);
        lastBeat = now();
        needsCheck = false;
      } catch (error) {
        reportStorage(error);
        lastBeat = now();
      } finally {
        checking = undefined;
      }
    })();
    return checking;
  };

  const getQueues = () => {
    if (queues) return queues;
    const used = new Set<string>();
    queues = options.transports.map((transport, index) => {
      let name = transport.name || 'transport';
      if (used.has(name)) name = `${name}#${index}`;
      used.add(name);
      const queue = createTransportQueue({
        transport,
        name,
        owner,
        store: getStore(),
        maxEvents: Math.max(1, batching.maxEvents),
        maxBytes: Math.max(1, batching.maxBytes),
        maxQueueBytes: settings.maxStoredBytes,
        maxAttempts: Math.max(1, settings.maxAttempts),
        maxRetryAfterMs: settings.maxRetryAfterMs,
        backoff: settings.backoff,
        report: safeReport,
        reportStorage,
        isOnline,
        ensureOwnership,
      });
      return { name, queue };
    });
    return queues;
  };

  const claim = async () => {
    for (const { name, queue } of getQueues()) {
      try {
        const { claimed, expired } = await getStore().claim(owner, name, now());
        lastBeat = now();
        for (const batch of expired) {
          safeReport({
            type: 'transport:error',
            transport: batch.transport,
            reason: 'expired',
            dropped: batch.events.length,
          });
        }
        queue.adopt(claimed);
        if (claimed.length > 0) void queue.pump();
      } catch (error) {
        reportStorage(error);
      }
    }
  };

  const incoming = createIncomingEvents((event) => {
    for (const { queue } of getQueues()) queue.add(event);
  });

  const exit = () => {
    incoming.drain();
    for (const { queue } of getQueues()) queue.exit();
  };
  const rearm = () => {
    for (const { queue } of getQueues()) queue.rearm();
  };

  return {
    enqueue: incoming.add,
    async flush(flushOptions = {}) {
      incoming.drain();
      if (flushOptions.keepalive) {
        exit();
        return;
      }
      await Promise.all(
        getQueues().map(({ queue }) => {
          queue.seal();
          return queue.pump(true);
        }),
      );
    },
    async clear() {
      incoming.clear();
      for (const { queue } of getQueues()) queue.clear();
      try {
        await getStore().clear();
      } catch (error) {
        reportStorage(error);
      }
    },
    start() {
      if (started) return;
      const win = getWindow();
      if (!win) return;
      started = true;
      const stopListening = listenToPage(win, {
        exit,
        rearm,
        release: () => {
          needsCheck = true;
          void getStore()
            .release(owner)
            .catch(() => undefined);
        },
        reclaim: () => void claim(),
        online: () => {
          for (const { queue } of getQueues()) queue.resume();
        },
      });
      const flushTimer = setInterval(() => {
        incoming.drain();
        for (const { queue } of getQueues()) {
          queue.seal();
          void queue.pump();
        }
      }, batching.flushIntervalMs);
      const claimTimer = setInterval(() => void claim(), Math.max(1000, Math.floor(leaseMs / 3)));
      cleanups.push(
        stopListening,
        () => clearInterval(flushTimer),
        () => clearInterval(claimTimer),
      );
      void claim();
      for (const { queue } of getQueues()) void queue.pump();
    },
    stop() {
      if (!started) return;
      started = false;
      for (const cleanup of cleanups) cleanup();
      cleanups = [];
      incoming.drain();
      for (const { queue } of getQueues()) queue.stop();
    },
  };
}
