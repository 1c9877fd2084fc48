import { createHash } from 'node:crypto';
import type { CustomerFixture } from '../data/customers';
import { link } from './links';

/** A stable commerce id per tenant, shaped like a GUID (the real one is assigned by Microsoft). */
function commerceIdOf(tenantId: string): string {
  const hex = createHash('sha256').update(`commerce:${tenantId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export function customerResource(customer: CustomerFixture): Record<string, unknown> {
  const self = `/customers/${customer.id}`;
  return {
    id: customer.id,
    commerceId: commerceIdOf(customer.id),
    companyProfile: {
      tenantId: customer.id,
      domain: customer.domain,
      companyName: customer.companyName,
      links: { self: link(`${self}/profiles/company`) },
      attributes: { objectType: 'CustomerCompanyProfile' },
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: true,
    links: { self: link(self) },
    attributes: { objectType: 'Customer' },
  };
}
