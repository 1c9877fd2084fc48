import { randomUUID } from 'node:crypto';
import { SANDBOX_PARTNER_USER } from '../auth/sandbox-user';
import { evaluateCartLines } from '../cart-lines';
import type { SandboxContext } from '../context';
import { cartNotFound, partnerCenterError } from '../errors';
import type { Route, SandboxRequest } from '../http/types';
import { cartRequestSchema } from '../contract/cart-request';
import { parseBody } from '../request-schemas';
import { cartResource } from '../resources/cart-resource';
import { addDays } from '../rules/durations';
import type { CartRecord } from '../store-records';

/** create-a-cart.md: "Carts expire 7 days from the initial creation." */
const CART_LIFETIME_DAYS = 7;

/** A cart past its expirationTimestamp is gone: 404 800008, for GET, PUT and checkout alike (inference). */
export function liveCart(context: SandboxContext, request: SandboxRequest): CartRecord {
  const customerId = context.store.customer(request.params['customerId'] ?? '').id;
  const cartId = request.params['cartId'] ?? '';
  const cart = context.store.cart(customerId, cartId);
  if (cart.status === 'Active' && request.now.getTime() > cart.expirationTimestamp.getTime()) throw cartNotFound(cartId);
  return cart;
}

export function cartRoutes(context: SandboxContext): Route[] {
  const { store, catalog } = context;
  return [
    {
      method: 'POST',
      pattern: '/customers/{customerId}/carts',
      handler: ({ params, body, now }) => {
        const customer = store.customer(params['customerId'] ?? '');
        const input = parseBody(cartRequestSchema, body);
        const cart: CartRecord = {
          id: randomUUID(),
          customerId: customer.id,
          creationTimestamp: now,
          lastModifiedTimestamp: now,
          expirationTimestamp: addDays(now, CART_LIFETIME_DAYS),
          lastModifiedUser: SANDBOX_PARTNER_USER.objectId,
          status: 'Active',
          ...(typeof input.partnerOnRecordAttestationAccepted === 'boolean'
            ? { partnerOnRecordAttestationAccepted: input.partnerOnRecordAttestationAccepted }
            : {}),
          lineItems: evaluateCartLines(catalog, input.lineItems, store.customerFacts(customer.id, now)),
        };
        store.saveCart(cart);
        return { status: 201, body: cartResource(cart) };
      },
    },
    {
      method: 'GET',
      pattern: '/customers/{customerId}/carts/{cartId}',
      handler: (request) => ({ status: 200, body: cartResource(liveCart(context, request)) }),
    },
    {
      method: 'PUT',
      pattern: '/customers/{customerId}/carts/{cartId}',
      // update-a-cart.md's example says 201; the sandbox answers 200 like every other replace (inference).
      handler: (request) => {
        const cart = liveCart(context, request);
        if (cart.status !== 'Active') {
          throw partnerCenterError(400, 800065, `can't update an already submitted cart ${cart.id}.`);
        }
        const input = parseBody(cartRequestSchema, request.body);
        cart.lineItems = evaluateCartLines(catalog, input.lineItems, store.customerFacts(cart.customerId, request.now));
        if (typeof input.partnerOnRecordAttestationAccepted === 'boolean') {
          cart.partnerOnRecordAttestationAccepted = input.partnerOnRecordAttestationAccepted;
        }
        cart.lastModifiedTimestamp = request.now;
        cart.lastModifiedUser = SANDBOX_PARTNER_USER.objectId;
        return { status: 200, body: cartResource(cart) };
      },
    },
  ];
}
