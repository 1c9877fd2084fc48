import type { CartRecord } from '../store-records';
import { isoDate, link } from './links';

export function cartResource(cart: CartRecord): Record<string, unknown> {
  return {
    id: cart.id,
    creationTimestamp: isoDate(cart.creationTimestamp),
    lastModifiedTimestamp: isoDate(cart.lastModifiedTimestamp),
    expirationTimestamp: isoDate(cart.expirationTimestamp),
    lastModifiedUser: cart.lastModifiedUser,
    status: cart.status,
    ...(cart.partnerOnRecordAttestationAccepted !== undefined
      ? { partnerOnRecordAttestationAccepted: cart.partnerOnRecordAttestationAccepted }
      : {}),
    lineItems: cart.lineItems,
    links: { self: link(`/customers/${cart.customerId}/carts/${cart.id}`) },
    attributes: { objectType: 'Cart' },
  };
}
