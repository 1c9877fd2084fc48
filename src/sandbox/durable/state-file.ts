import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Catalog } from '../catalog';
import type { CartLine, SubscriptionResource } from '../contract/resources';
import type { SandboxStore } from '../store';
import type { CartRecord, OrderLineRecord, OrderRecord, StoredCheckoutResult } from '../store-records';
import type { RefreshTokenGrant } from '../auth/refresh-tokens';

/**
 * Everything a sandbox must remember across its own restart: carts (with their checkout results),
 * orders, subscriptions and the refresh tokens its Entra ID issued. Written by the sandbox itself, but
 * read back through a schema like any other input: a file edited by hand or by an older version fails
 * with the reason instead of corrupting answers.
 */
const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const object = <T>() => z.record(z.string(), z.unknown()).transform((value) => value as T);

const cartSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  creationTimestamp: date,
  lastModifiedTimestamp: date,
  expirationTimestamp: date,
  lastModifiedUser: z.string(),
  status: z.enum(['Active', 'Ordered']),
  partnerOnRecordAttestationAccepted: z.boolean().optional(),
  lineItems: z.array(object<CartLine>()),
  checkoutResult: object<StoredCheckoutResult>().optional(),
});

const orderLineSchema = z.looseObject({ offerId: z.string(), lineItemNumber: z.number().int(), quantity: z.number().int() });

const orderSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  billingCycle: z.string(),
  currencyCode: z.string(),
  creationDate: date,
  lineItems: z.array(orderLineSchema),
  partnerOnRecordAttestationAccepted: z.boolean().optional(),
  provisioned: z.boolean(),
  version: z.number().int(),
});

const stateSchema = z.object({
  version: z.literal(1),
  carts: z.array(cartSchema),
  orders: z.array(orderSchema),
  subscriptions: z.array(z.object({ customerId: z.string(), resource: object<SubscriptionResource>() })),
  refreshTokens: z.array(z.tuple([z.string(), z.object({ clientId: z.string(), expiresAt: z.string() })])),
});

const STATE_FILE = 'partner-center-state.json';

/** The state as JSON; order lines drop their catalog entry (`purchasable`), which is re-read on load. */
export function serializeState(store: SandboxStore, refreshTokens: [string, RefreshTokenGrant][]): string {
  const orders = store.allOrders().map((order) => ({
    ...order,
    lineItems: order.lineItems.map(({ purchasable: _catalogEntry, ...line }) => line),
  }));
  return JSON.stringify({ version: 1, carts: store.allCarts(), orders, subscriptions: store.allSubscriptions(), refreshTokens });
}

/** Reads the state file into `store`; false when there is none yet (a new sandbox, to be seeded). */
export function loadState(dataDir: string, store: SandboxStore, catalog: Catalog): { found: false } | { found: true; refreshTokens: [string, RefreshTokenGrant][] } {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, STATE_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { found: false };
    throw error;
  }
  const parsed = stateSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${path.join(dataDir, STATE_FILE)} is not a sandbox state file: ${parsed.error.issues[0]?.message ?? ''}`);
  for (const cart of parsed.data.carts) store.saveCart(cart as CartRecord);
  for (const order of parsed.data.orders) {
    const lineItems = order.lineItems.map((line): OrderLineRecord => {
      const purchasable = catalog.resolve(line.offerId);
      if (!purchasable) throw new Error(`order ${order.id} names ${line.offerId}, which the sandbox catalog no longer has`);
      return { ...(line as unknown as Omit<OrderLineRecord, 'purchasable'>), purchasable };
    });
    store.saveOrder({ ...(order as Omit<OrderRecord, 'lineItems'>), lineItems } as OrderRecord);
  }
  for (const subscription of parsed.data.subscriptions) store.saveSubscription(subscription);
  return { found: true, refreshTokens: parsed.data.refreshTokens };
}

/** Replaces the state file atomically (write, then rename), so a crash leaves the old or the new one. */
export async function writeState(dataDir: string, serialized: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const target = path.join(dataDir, STATE_FILE);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, serialized, { mode: 0o600 });
  await rename(temporary, target);
}
