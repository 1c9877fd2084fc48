import { isPartnerCenterError } from './errors';
import type { HttpTransport } from './http';
import type { CallContext, SubscriptionUpdate } from './operations';
import { route } from './reader';
import { subscriptionSchema, type Subscription } from './schemas';

/**
 * change-the-quantity-of-a-subscription.md, cancel-an-azure-marketplace-subscription.md: PATCH the whole
 * subscription as just read, with one property changed. Retried like every call (timeouts, 5xx, 429)
 * under one MS-RequestId; if an attempt that did land is retried where the service does not dedupe,
 * the retry meets a new etag and ends as `changed_meanwhile`, which the caller resolves by reading back.
 */
export async function updateSubscription(
  transport: HttpTransport, ctx: CallContext, customerId: string, subscription: Subscription, etag: string,
): Promise<SubscriptionUpdate> {
  try {
    const updated = await transport.send(ctx, {
      method: 'PATCH',
      path: route`/customers/${customerId}/subscriptions/${subscription.id}`,
      body: subscription,
      headers: { 'If-Match': etag },
      schema: subscriptionSchema,
    });
    return { outcome: 'updated', subscription: updated };
  } catch (error) {
    if (isPartnerCenterError(error) && error.httpStatus === 412) return { outcome: 'changed_meanwhile', error };
    throw error;
  }
}
