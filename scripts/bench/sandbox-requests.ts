import { z } from 'zod';
import type { SandboxProcess } from '../../test/integration/harness/sandbox-process';

const recordedRequestSchema = z.object({
  method: z.string(),
  path: z.string(),
  query: z.record(z.string(), z.string()),
  headers: z.record(z.string(), z.string()),
  status: z.number(),
});
type Recorded = z.infer<typeof recordedRequestSchema>;

const COLLECTIONS = new Set(['customers', 'products', 'skus', 'availabilities', 'carts', 'orders', 'subscriptions', 'offers', 'addons']);
/** Named resources under a collection, not ids: `subscriptions/customTermEndDates` is not a subscription read. */
const NAMED = new Set(['customTermEndDates']);

/** Query parameters that make a listing another question: the subscriptions of one order (Undo) are not the customer's list. */
const SELECTING = ['order_id'];

/** `/v1/customers/<id>/carts/<id>/checkout` → `POST customers/{id}/carts/{id}/checkout`; `…/subscriptions?order_id=…` keeps its `?order_id={id}`. */
export function operationOf(request: Recorded): string {
  const segments = request.path.replace(/^\/v1\//, '').split('/');
  const shape = segments.map((segment, index) =>
    index > 0 && COLLECTIONS.has(segments[index - 1] ?? '') && !NAMED.has(segment) ? '{id}' : segment,
  );
  const selecting = SELECTING.filter((name) => request.query[name] !== undefined).map((name) => `${name}={id}`);
  return `${request.method} ${shape.join('/')}${selecting.length > 0 ? `?${selecting.join('&')}` : ''}`;
}

/** The sandbox's record of every /v1 call (its /_sandbox control routes; not part of Partner Center). */
export class SandboxRecord {
  constructor(private readonly baseUrl: string) {}

  async requests(): Promise<Recorded[]> {
    const response = await fetch(`${this.baseUrl}/_sandbox/requests`);
    return z.array(recordedRequestSchema).parse(await response.json());
  }

  async clear(): Promise<void> {
    await fetch(`${this.baseUrl}/_sandbox/requests`, { method: 'DELETE' });
  }
}

export function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

const isCartCreation = (r: Recorded) => r.method === 'POST' && r.path.endsWith('/carts');

/**
 * The calls of purchases that created a cart in this window, grouped by MS-CorrelationId (one per
 * purchase). Calls of other flows that fall in the window (the provisioning watch re-reading earlier
 * orders) are left out.
 */
export function purchaseCalls(requests: Recorded[]): { purchases: Map<string, Recorded[]>; others: Recorded[] } {
  const byFlow = new Map<string, Recorded[]>();
  for (const request of requests) {
    const flow = request.headers['ms-correlationid'] ?? '';
    byFlow.set(flow, [...(byFlow.get(flow) ?? []), request]);
  }
  const purchases = new Map([...byFlow].filter(([, calls]) => calls.some(isCartCreation)));
  return { purchases, others: requests.filter((r) => !purchases.has(r.headers['ms-correlationid'] ?? '')) };
}

export async function subscriptionCount(sandbox: SandboxProcess, customerId: string): Promise<number> {
  const token = await sandbox.tokens.getAccessToken();
  const response = await fetch(`${sandbox.baseUrl}/v1/customers/${customerId}/subscriptions`, { headers: { Authorization: `Bearer ${token}` } });
  return z.object({ totalCount: z.number() }).parse(await response.json()).totalCount;
}

/** Checkout calls per cart id: every cart must be checked out exactly once. */
export function checkoutsPerCart(requests: Recorded[]): Map<string, number> {
  const checkouts = requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
  return countBy(checkouts, (r) => r.path.split('/')[5] ?? '');
}
