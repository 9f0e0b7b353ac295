import { beforeAll } from 'vitest';
import { createDelivery, type Delivery, type DeliveryOptions } from '../../src/delivery/delivery';
import type { DeliverySettings } from '../../src/delivery/options';
import { createFakeTransport, createReports } from './helpers';

type Respond = Parameters<typeof createFakeTransport>[0];

/**
 * Page loads of a delivery over the page's localStorage (happy-dom has no IndexedDB), each with an
 * HTTP fake transport, for the tests of what survives a reload. `unloadAll` stops every one.
 */
export function pageLoads(defaults: Pick<DeliveryOptions, 'batch'> & { settings: DeliverySettings }) {
  // The stored backends are a chunk loaded on demand (`@spoor/core/idb`), and its first load takes
  // real time, which fake timers do not wait for: loaded once, as a page has it cached after that.
  beforeAll(() => import('@spoor/core/idb'));
  let deliveries: Delivery[] = [];
  const load = (respond: Respond, settings: DeliverySettings = {}) => {
    const transport = createFakeTransport(respond, 'http');
    const reports = createReports();
    const delivery = createDelivery({
      transports: [transport],
      batch: defaults.batch,
      settings: { ...defaults.settings, ...settings },
      report: reports.report,
    });
    deliveries.push(delivery);
    delivery.start();
    return { delivery, transport, reports };
  };
  const unloadAll = () => {
    for (const delivery of deliveries) delivery.stop();
    deliveries = [];
  };
  return { load, unloadAll };
}
