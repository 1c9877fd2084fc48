import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Catalog } from './catalog';
import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { seedPurchases } from './data/seed-purchases';
import { cartRoutes } from './handlers/carts';
import { catalogRoutes } from './handlers/catalog';
import { checkoutRoutes } from './handlers/checkout';
import { controlRoutes } from './handlers/control';
import { customerRoutes } from './handlers/customers';
import { orderRoutes } from './handlers/orders';
import { subscriptionRoutes } from './handlers/subscriptions';
import { createRequestListener } from './http/pipeline';
import type { RecordedRequest } from './http/recorded-request';
import { Router } from './http/router';
import { SandboxKnobs } from './knobs';
import { provisionDueOrders } from './provisioning';
import { SandboxStore } from './store';

export type { RecordedRequest } from './http/recorded-request';
export type { KnobSettings, KnobSettingsInput } from './knob-settings';
export { SandboxKnobs } from './knobs';

export interface SandboxOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is never reachable from other machines. */
  host?: string;
  now?: () => Date;
  /** How long orders stay `pending` before subscriptions exist. Default 60000. */
  provisioningDelayMs?: number;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT, without /v1 (like PARTNER_CENTER_BASE_URL). */
  baseUrl: string;
  knobs: SandboxKnobs;
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_PROVISIONING_DELAY_MS = 60_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new SandboxClock(options.now ?? (() => new Date()));
  const catalog = new Catalog();
  const store = new SandboxStore();
  seedPurchases(store, catalog, clock.now());
  const context: SandboxContext = {
    store,
    catalog,
    knobs: new SandboxKnobs(),
    clock,
    provisioningDelayMs: options.provisioningDelayMs ?? DEFAULT_PROVISIONING_DELAY_MS,
  };
  const requests: RecordedRequest[] = [];
  const api = new Router([
    ...customerRoutes(context),
    ...catalogRoutes(context),
    ...cartRoutes(context),
    ...checkoutRoutes(context),
    ...orderRoutes(context),
    ...subscriptionRoutes(context),
  ]);
  const server = createServer(
    createRequestListener({
      api,
      control: new Router(controlRoutes(context, requests)),
      knobs: context.knobs,
      clock,
      requests,
      settle: (now) => provisionDueOrders(store, catalog, now, context.provisioningDelayMs),
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://${host}:${port}`,
    knobs: context.knobs,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
