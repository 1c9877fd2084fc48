import type { SandboxContext } from '../context';
import type { Route } from '../http/types';
import { collection } from '../resources/links';
import { customTermEndDatesRoute } from './custom-term-end-dates';
import { patchSubscriptionRoute } from './subscription-patch';

const sameId = (a: string | null | undefined, b: string): boolean => (a ?? '').toLowerCase() === b.toLowerCase();

export function subscriptionRoutes(context: SandboxContext): Route[] {
  const { store } = context;
  return [
    // Before /subscriptions/{subscriptionId}, which would otherwise take "customTermEndDates" as an id.
    customTermEndDatesRoute(context),
    {
      method: 'GET',
      pattern: '/customers/{customerId}/subscriptions',
      handler: ({ params, query }) => {
        const customer = store.customer(params['customerId'] ?? '');
        const orderId = query['order_id'];
        const items = store
          .subscriptionsOf(customer.id)
          .map((record) => record.resource)
          .filter((subscription) => orderId === undefined || sameId(subscription.orderId, orderId));
        const self = `/customers/${customer.id}/subscriptions${orderId === undefined ? '' : `?order_id=${orderId}`}`;
        return { status: 200, body: collection(items, self) };
      },
    },
    {
      method: 'GET',
      pattern: '/customers/{customerId}/subscriptions/{subscriptionId}',
      handler: ({ params }) => {
        const customer = store.customer(params['customerId'] ?? '');
        return { status: 200, body: store.subscription(customer.id, params['subscriptionId'] ?? '').resource };
      },
    },
    patchSubscriptionRoute(context),
    {
      method: 'GET',
      pattern: '/customers/{customerId}/subscriptions/{subscriptionId}/addons',
      handler: ({ params }) => {
        const customer = store.customer(params['customerId'] ?? '');
        const parent = store.subscription(customer.id, params['subscriptionId'] ?? '').resource;
        const addons = store
          .subscriptionsOf(customer.id)
          .map((record) => record.resource)
          .filter((subscription) => sameId(subscription.parentSubscriptionId, parent.id));
        return { status: 200, body: collection(addons, `/customers/${customer.id}/subscriptions/${parent.id}/addons`) };
      },
    },
  ];
}
