import type { SandboxContext } from '../context';
import type { ScheduledNextTermInstructions, SubscriptionResource } from '../contract/resources';
import { subscriptionPatchSchema, type SubscriptionPatch } from '../contract/subscription-request';
import { invalidInput, partnerCenterError } from '../errors';
import type { Route, SandboxRequest, SandboxResponse } from '../http/types';
import { parseBody } from '../request-schemas';
import {
  cancellationWindowHours, cancellationWindowPassed, changePolicyOf, isOpenAt, quantityCannotDecrease, seatReductionWindowPassed,
  type ChangePolicy,
} from '../rules/change-windows';
import { newEtag, refundable, seatBatch, takeBackSeats } from '../seat-batches';

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** `If-Match` compares the opaque etag; a weak marker or missing quotes from a client still match. */
function etagMatches(ifMatch: string, etag: string): boolean {
  const bare = (value: string): string => value.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return ifMatch.trim() === '*' || bare(ifMatch) === bare(etag);
}

/** 412 is documented for Partner Center (error-codes.md); its body code and wording are inferred. */
const etagMismatch = (subscriptionId: string) =>
  partnerCenterError(412, 0, `Subscription ${subscriptionId} was changed since it was read: its etag does not match If-Match. Read it again.`);

/**
 * Inferred: 900275 is the cart/order answer for a quantity outside the SKU's range
 * (error-codes.md); the subscription update is assumed to answer the same way.
 */
function checkQuantityRange(context: SandboxContext, subscription: SubscriptionResource, quantity: number): void {
  const offer = context.catalog.resolve(subscription.offerId);
  const minimum = offer?.minimumQuantity ?? 1;
  const maximum = offer?.maximumQuantity ?? Number.MAX_SAFE_INTEGER;
  if (quantity < minimum || quantity > maximum) {
    throw partnerCenterError(400, 900275, `The requested quantity is not within the allowed quantity for this offer (${minimum} to ${maximum}).`);
  }
}

function cancel(subscription: SubscriptionResource, policy: ChangePolicy, now: Date): SubscriptionResource {
  const windowHours = cancellationWindowHours(policy, subscription.termDuration);
  const until = subscription.cancellationAllowedUntilDate;
  // Inferred: legacy licences are ended by suspending them, Azure plans and one-time purchases elsewhere.
  if (windowHours === undefined || until === undefined) {
    throw invalidInput(`subscription ${subscription.id} cannot be cancelled by setting its status to deleted.`);
  }
  if (!isOpenAt(until, now)) throw cancellationWindowPassed(windowHours);
  const { refundableQuantity: _closed, scheduledNextTermInstructions: _nothingRenews, ...rest } = subscription;
  return { ...rest, status: 'deleted', autoRenewEnabled: false, ...(subscription.refundableQuantity ? { refundableQuantity: refundable([]) } : {}) };
}

function changeQuantity(
  context: SandboxContext, subscription: SubscriptionResource, policy: ChangePolicy, quantity: number, now: Date,
): SubscriptionResource {
  if (policy === 'usage' || policy === 'one_time') {
    // Inferred: an Azure plan has no seats, and a one-time purchase is changed through its order.
    throw invalidInput(`the quantity of subscription ${subscription.id} cannot be changed.`);
  }
  checkQuantityRange(context, subscription, quantity);
  const added = quantity - subscription.quantity;
  if (added > 0) {
    const details = subscription.refundableQuantity?.details;
    return { ...subscription, quantity, ...(details ? { refundableQuantity: refundable([...details, seatBatch(added, now)]) } : {}) };
  }
  if (policy === 'software' || policy === 'saas') throw quantityCannotDecrease();
  if (policy === 'legacy_license') return { ...subscription, quantity };
  const left = takeBackSeats(subscription.refundableQuantity?.details ?? [], -added, now);
  if (!left) throw seatReductionWindowPassed();
  return { ...subscription, quantity, refundableQuantity: refundable(left) };
}

/**
 * Inferred: the sandbox schedules only a renewal of the same product and SKU (fewer or more seats,
 * another term or billing cycle), and only for NCE licences, whose renewal the instructions describe.
 */
function schedule(
  context: SandboxContext, subscription: SubscriptionResource, policy: ChangePolicy, instructions: NonNullable<SubscriptionPatch['scheduledNextTermInstructions']>,
): ScheduledNextTermInstructions {
  if (policy !== 'nce_license') throw invalidInput(`subscription ${subscription.id} takes no scheduledNextTermInstructions.`);
  const { product } = instructions;
  const [productId = '', skuId = ''] = subscription.offerId.split(':');
  if (!sameId(product.productId, productId) || !sameId(product.skuId, skuId)) {
    throw invalidInput('scheduledNextTermInstructions.product must name the subscription\'s own product and SKU.');
  }
  checkQuantityRange(context, subscription, instructions.quantity);
  return {
    product: {
      productId: product.productId, skuId: product.skuId, availabilityId: product.availabilityId,
      billingCycle: product.billingCycle, termDuration: product.termDuration, ...(product.promotionId ? { promotionId: product.promotionId } : {}),
    },
    quantity: instructions.quantity,
    ...(instructions.customTermEndDate ? { customTermEndDate: instructions.customTermEndDate } : {}),
  };
}

function applyChanges(context: SandboxContext, current: SubscriptionResource, input: SubscriptionPatch, now: Date): SubscriptionResource {
  const policy = changePolicyOf(current);
  if (current.status === 'deleted') throw invalidInput(`subscription ${current.id} is deleted and cannot be changed.`);
  if (input.status === 'deleted') return cancel(current, policy, now);
  let next: SubscriptionResource = { ...current };
  if (input.status !== undefined && input.status !== current.status) {
    // Inferred: besides deleting, a partner may only suspend or reactivate a legacy licence.
    if (policy !== 'legacy_license' || (input.status !== 'suspended' && input.status !== 'active')) {
      throw invalidInput(`the status of subscription ${current.id} cannot be set to ${input.status}.`);
    }
    next.status = input.status;
  }
  if (input.quantity !== undefined && input.quantity !== current.quantity) {
    if (next.status !== 'active') throw invalidInput(`subscription ${current.id} is not active; its quantity cannot be changed.`);
    next = changeQuantity(context, next, policy, input.quantity, now);
  }
  if (input.autoRenewEnabled !== undefined && input.autoRenewEnabled !== null) next.autoRenewEnabled = input.autoRenewEnabled;
  if (input.friendlyName) next.friendlyName = input.friendlyName;
  if (input.scheduledNextTermInstructions === null) {
    const { scheduledNextTermInstructions: _cleared, ...rest } = next;
    next = rest;
  } else if (input.scheduledNextTermInstructions !== undefined) {
    next.scheduledNextTermInstructions = schedule(context, next, policy, input.scheduledNextTermInstructions);
  }
  return next;
}

/**
 * change-the-quantity-of-a-subscription.md, cancel-an-azure-marketplace-subscription.md and
 * subscription-resources.md: PATCH the whole subscription; the answer is the subscription as it now is.
 */
function patchSubscription(context: SandboxContext, request: SandboxRequest): SandboxResponse {
  const { store } = context;
  const customer = store.customer(request.params['customerId'] ?? '');
  const record = store.subscription(customer.id, request.params['subscriptionId'] ?? '');
  const input = parseBody(subscriptionPatchSchema, request.body);
  const fault = context.knobs.takeBusinessFault('subscription');
  if (fault) throw fault;
  const ifMatch = request.headers['if-match'];
  if (ifMatch !== undefined && !etagMatches(ifMatch, record.resource.attributes.etag)) throw etagMismatch(record.resource.id);
  const changed = applyChanges(context, record.resource, input, request.now);
  const resource: SubscriptionResource = { ...changed, attributes: { ...changed.attributes, etag: newEtag() } };
  store.saveSubscription({ ...record, resource });
  return { status: 200, body: resource };
}

export function patchSubscriptionRoute(context: SandboxContext): Route {
  return {
    method: 'PATCH',
    pattern: '/customers/{customerId}/subscriptions/{subscriptionId}',
    handler: (request) => patchSubscription(context, request),
  };
}
