import type { BillingCycle } from '../contract/enums';
import { orderRequestSchema, type OrderLineRequest } from '../contract/order-request';
import { termBillingCycle, type Purchasable } from '../catalog';
import type { SandboxContext } from '../context';
import { invalidInput, partnerCenterError } from '../errors';
import type { Route, SandboxRequest, SandboxResponse } from '../http/types';
import { newOrder } from '../order-factory';
import { provisionOrder } from '../provisioning';
import { parseBody } from '../request-schemas';
import { collection } from '../resources/links';
import { orderResource, provisioningStatusResource } from '../resources/order-resource';
import { attestationFailure } from '../rules/attestation';
import { firstLineError, withReservationTerm, type CustomerFacts } from '../rules/line-rules';
import { termMonths } from '../rules/durations';
import { priceLine } from '../rules/pricing';
import type { OrderLineRecord } from '../store-records';
import { patchOrderRoute } from './order-patch';

/** Line rules report cart codes; on the orders API some have their own order-level code (error-codes.md). */
const ORDER_CODE_FOR_CART_CODE: Record<number, { code: number; description?: string }> = {
  10001: { code: 800004, description: 'Invalid offer ID' },
  10017: { code: 900242 },
};

function checkLineNumbers(lines: OrderLineRequest[]): void {
  const numbers = lines.map((line) => line.lineItemNumber).sort((a, b) => a - b);
  if (numbers.some((value, index) => value !== index)) {
    throw partnerCenterError(400, 800071, 'Line Item number should be from 0 to number of line items count');
  }
}

/** SDK default: the order's billing cycle applies to every line; absent, the item's natural cycle. */
function billingCycleFor(requested: BillingCycle | null | undefined, purchasable: Purchasable): BillingCycle {
  if (requested) return requested;
  return purchasable.supportedBillingCycles.includes('monthly') ? 'monthly' : (purchasable.supportedBillingCycles[0] ?? 'monthly');
}

/**
 * create-an-order.md's NCE example sends no termDuration and gets back "termDuration": "P1M": the orders
 * API fills the shortest term offered for the billing cycle (carts do not: PowerShell #388 shows 400039).
 */
function defaultTerm(purchasable: Purchasable, billingCycle: BillingCycle): string | undefined {
  const offered = (purchasable.terms ?? [])
    .filter((term) => term.duration && termBillingCycle(term) === billingCycle)
    .map((term) => term.duration ?? '')
    .sort((a, b) => (termMonths(a) ?? 0) - (termMonths(b) ?? 0));
  return offered[0];
}

function orderLine(context: SandboxContext, input: OrderLineRequest, requested: BillingCycle | null | undefined, facts: CustomerFacts): OrderLineRecord {
  const purchasable = context.catalog.resolve(input.offerId);
  const billingCycle = purchasable ? billingCycleFor(requested, purchasable) : 'monthly';
  const termDuration = input.termDuration ?? (purchasable?.isNce ? defaultTerm(purchasable, billingCycle) : undefined);
  const line = { ...input, termDuration };
  const participants = [
    ...(line.partnerIdOnRecord ? [{ key: 'transaction_reseller', value: line.partnerIdOnRecord }] : []),
    ...(line.additionalPartnerIdsOnRecord ?? []).map((value) => ({ key: 'additional_transaction_reseller', value })),
  ];
  const choice = { ...line, billingCycle, participants };
  const { error } = firstLineError(context.catalog, line.offerId, choice, line.lineItemNumber, facts);
  if (error || !purchasable) {
    const mapped = ORDER_CODE_FOR_CART_CODE[error?.errorCode ?? 10001];
    throw partnerCenterError(400, mapped?.code ?? error?.errorCode ?? 800004, mapped?.description ?? error?.errorDescription ?? 'Invalid offer ID');
  }
  const promotion = line.promotionId ? context.catalog.promotion(line.promotionId) : undefined;
  return {
    lineItemNumber: line.lineItemNumber,
    offerId: purchasable.id,
    friendlyName: line.friendlyName ?? purchasable.skuTitle,
    quantity: line.quantity,
    billingCycle,
    ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    ...(line.customTermEndDate ? { customTermEndDate: line.customTermEndDate } : {}),
    ...(line.promotionId ? { promotionId: line.promotionId } : {}),
    ...(line.renewsTo ? { renewsTo: { termDuration: line.renewsTo.termDuration } } : {}),
    ...(line.partnerIdOnRecord ? { partnerIdOnRecord: line.partnerIdOnRecord } : {}),
    ...(line.additionalPartnerIdsOnRecord?.length ? { additionalPartnerIdsOnRecord: line.additionalPartnerIdsOnRecord } : {}),
    ...(line.provisioningContext ? { provisioningContext: line.provisioningContext } : {}),
    ...(typeof line.attestationAccepted === 'boolean' ? { attestationAccepted: line.attestationAccepted } : {}),
    pricing: priceLine(purchasable, { ...withReservationTerm(purchasable, choice), promotion }) ?? {},
    purchasable,
  };
}

function createOrder(context: SandboxContext, request: SandboxRequest): SandboxResponse {
  const customer = context.store.customer(request.params['customerId'] ?? '');
  const input = parseBody(orderRequestSchema, request.body);
  if (input.lineItems.some((line) => line.parentSubscriptionId)) {
    // Partner-Center-PowerShell #63: add-ons to an existing subscription go through PATCH, not POST.
    throw partnerCenterError(400, 2000, 'ParentSubscriptionId is not supported for this request.');
  }
  checkLineNumbers(input.lineItems);
  const facts = context.store.customerFacts(customer.id, request.now);
  const lines = [...input.lineItems]
    .sort((a, b) => a.lineItemNumber - b.lineItemNumber)
    .map((line) => orderLine(context, line, input.billingCycle, facts));
  const attestation = attestationFailure(
    lines.map((line) => ({
      catalogItemId: line.offerId,
      attestationAccepted: line.attestationAccepted,
      enforceAttestation: line.purchasable.attestation?.enforceAttestation === true,
      hasResellerParticipants: line.partnerIdOnRecord !== undefined || (line.additionalPartnerIdsOnRecord?.length ?? 0) > 0,
    })),
    input.partnerOnRecordAttestationAccepted,
    'indirect orders',
  );
  if (attestation) throw attestation;
  const fault = context.knobs.takeBusinessFault('order');
  if (fault) throw fault;
  const billingCycle = lines[0]?.billingCycle ?? 'monthly';
  const order = newOrder(customer.id, billingCycle, request.now, lines, input.partnerOnRecordAttestationAccepted ?? undefined);
  context.store.saveOrder(order);
  if (context.provisioningDelayMs <= 0) provisionOrder(context.store, context.catalog, order);
  return { status: 201, body: orderResource(order) };
}

/** ?billingType= uses the order billing cycle names, "onetime" for one_time (get-a-list-of-orders-by-…). */
function matchesBillingType(billingCycle: BillingCycle, billingType: string | undefined): boolean {
  return billingType === undefined || billingCycle.replace('_', '') === billingType.toLowerCase().replace('_', '');
}

export function orderRoutes(context: SandboxContext): Route[] {
  const { store } = context;
  const orderOf = (request: SandboxRequest) =>
    store.order(store.customer(request.params['customerId'] ?? '').id, request.params['orderId'] ?? '');
  return [
    { method: 'POST', pattern: '/customers/{customerId}/orders', handler: (request) => createOrder(context, request) },
    {
      method: 'GET',
      pattern: '/customers/{customerId}/orders',
      handler: ({ params, query }) => {
        const customer = store.customer(params['customerId'] ?? '');
        const billingType = query['billingType'];
        if (billingType !== undefined && billingType.trim() === '') throw invalidInput('billingType is empty.');
        const orders = store.ordersOf(customer.id).filter((order) => matchesBillingType(order.billingCycle, billingType));
        return { status: 200, body: collection(orders.map(orderResource), `/customers/${customer.id}/orders`) };
      },
    },
    { method: 'GET', pattern: '/customers/{customerId}/orders/{orderId}', handler: (request) => ({ status: 200, body: orderResource(orderOf(request)) }) },
    {
      method: 'GET',
      pattern: '/customers/{customerId}/orders/{orderId}/provisioningstatus',
      appUserOnly: true,
      handler: (request) => ({ status: 200, body: provisioningStatusResource(orderOf(request)) }),
    },
    patchOrderRoute(context),
  ];
}
