import type { CartLine } from '../contract/resources';
import type { Purchasable } from '../catalog';
import type { SandboxContext } from '../context';
import { invalidInput, partnerCenterError } from '../errors';
import type { Route, SandboxRequest, SandboxResponse } from '../http/types';
import { newOrder, orderLineFromCartLine } from '../order-factory';
import { provisionOrder } from '../provisioning';
import { orderResource } from '../resources/order-resource';
import { attestationFailure } from '../rules/attestation';
import type { CartRecord, OrderRecord, StoredCheckoutResult } from '../store-records';
import { liveCart } from './carts';

interface ResolvedLine {
  line: CartLine;
  purchasable: Purchasable;
}

/** Docs send no body; the .NET SDK posts the JSON string "success" (CartOperations.CheckoutAsync). */
function checkCheckoutBody(body: unknown): void {
  if (body !== undefined && body !== null && typeof body !== 'string') {
    throw invalidInput('checkout takes no body.');
  }
}

function resolveLines(context: SandboxContext, cart: CartRecord): ResolvedLine[] {
  if (cart.lineItems.some((line) => line.error)) throw partnerCenterError(400, 800009, 'Error in Cart item(s)');
  return cart.lineItems.map((line) => {
    const purchasable = context.catalog.resolve(line.catalogItemId);
    if (!purchasable) throw partnerCenterError(404, 400019, 'Availability not found');
    return { line, purchasable };
  });
}

/** One order per orderGroup, in the order the groups first appear in the cart (cart-resources.md). */
function groupIntoOrders(cart: CartRecord, lines: ResolvedLine[], now: Date): Map<string, OrderRecord> {
  const groups = new Map<string, ResolvedLine[]>();
  for (const resolved of lines) {
    const key = resolved.line.orderGroup ?? '0';
    groups.set(key, [...(groups.get(key) ?? []), resolved]);
  }
  const orders = new Map<string, OrderRecord>();
  for (const [group, members] of groups) {
    const orderLines = members.map(({ line, purchasable }, index) => orderLineFromCartLine(line, index, purchasable));
    const billingCycle = members[0]?.line.billingCycle ?? 'monthly';
    orders.set(group, newOrder(cart.customerId, billingCycle, now, orderLines, cart.partnerOnRecordAttestationAccepted));
  }
  return orders;
}

async function checkout(context: SandboxContext, request: SandboxRequest): Promise<SandboxResponse> {
  checkCheckoutBody(request.body);
  const cart = liveCart(context, request);
  // checkout-a-cart.md: "If a cart was successfully checked out previously … the API response will re-iterate the information".
  if (cart.status === 'Ordered' && cart.checkoutResult) return { status: 201, body: cart.checkoutResult };
  if (!context.store.tryBeginCheckout(cart.id)) {
    throw partnerCenterError(409, 800064, `Cart ${cart.id} is being processed by another request`);
  }
  try {
    const lines = resolveLines(context, cart);
    const attestation = attestationFailure(
      lines.map(({ line, purchasable }) => ({
        catalogItemId: line.catalogItemId,
        attestationAccepted: line.attestationAccepted,
        enforceAttestation: purchasable.attestation?.enforceAttestation === true,
        hasResellerParticipants: (line.participants ?? []).length > 0,
      })),
      cart.partnerOnRecordAttestationAccepted,
      'every cart',
    );
    if (attestation) throw attestation;
    await request.processingDelay();
    const fault = context.knobs.takeBusinessFault('checkout');
    if (fault) throw fault;
    const failure = context.knobs.takePartialFailure();
    const orders: Record<string, unknown>[] = [];
    const orderErrors: NonNullable<StoredCheckoutResult['orderErrors']> = [];
    for (const [group, order] of groupIntoOrders(cart, lines, request.now)) {
      if (failure && failure.orderGroup === group) {
        orderErrors.push({ orderGroupId: group, code: failure.code, description: failure.description });
        continue;
      }
      context.store.saveOrder(order);
      if (context.provisioningDelayMs <= 0) provisionOrder(context.store, context.catalog, order);
      orders.push(orderResource(order));
    }
    const result: StoredCheckoutResult = {
      orders,
      ...(orderErrors.length > 0 ? { orderErrors } : {}),
      attributes: { objectType: 'CartCheckoutResult' },
    };
    cart.status = 'Ordered';
    cart.checkoutResult = result;
    return { status: 201, body: result };
  } finally {
    context.store.endCheckout(cart.id);
  }
}

export function checkoutRoutes(context: SandboxContext): Route[] {
  return [{ method: 'POST', pattern: '/customers/{customerId}/carts/{cartId}/checkout', handler: (request) => checkout(context, request) }];
}
