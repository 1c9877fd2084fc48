/**
 * Partner Center's web portal for a customer. The `commerce2/customers/{tenant id}` pages (`/account`,
 * `/adminrelationships`) are the portal's customer workspace as links to it are published; the `/orders`
 * page under it is inferred from the portal's navigation (Customers → customer → Orders), not verified
 * against a live portal.
 */
const PORTAL_CUSTOMERS = 'https://partner.microsoft.com/dashboard/commerce2/customers';

export function customerOrdersUrl(customerId: string): string {
  return `${PORTAL_CUSTOMERS}/${encodeURIComponent(customerId)}/orders`;
}

/** Where Partner Center shows the customer's Microsoft Customer Agreement acceptance. */
export function customerAccountUrl(customerId: string): string {
  return `${PORTAL_CUSTOMERS}/${encodeURIComponent(customerId)}/account`;
}
