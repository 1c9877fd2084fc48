import type { HttpTransport } from './http';
import type { PartnerCenterLogger } from './logger';
import type { CallContext } from './operations';
import { readAllPages } from './paging';
import { customerSchema, type Customer } from './schemas';

export const DEFAULT_SEARCH_SIZE = 25;

/** Search fields of GET /customers?filter= (CustomerSearchField in the .NET SDK). */
type CustomerSearchField = 'CompanyName' | 'Domain';

/** The service only supports `starts_with`, case-insensitively (get-a-customer-by-name.md). */
function customerFilter(field: CustomerSearchField, prefix: string): string {
  return JSON.stringify({ Field: field, Value: prefix, Operator: 'starts_with' });
}

/** `contoso.onmicrosoft.com`, `contoso.` — a dot and no spaces: worth a Domain search too. */
export function looksLikeDomain(prefix: string): boolean {
  return /^[a-z0-9-]+\.[a-z0-9.-]*$/i.test(prefix);
}

interface CustomerSearchOptions {
  maxPages: number;
  logger?: PartnerCenterLogger;
}

/**
 * Customers whose company name — or, for a domain-like prefix, domain — starts with `prefix`, merged
 * in that order without duplicates. An empty prefix lists the first customers.
 */
export async function searchCustomers(
  transport: HttpTransport,
  ctx: CallContext,
  prefix: string,
  size: number,
  options: CustomerSearchOptions,
): Promise<Customer[]> {
  const trimmed = prefix.trim();
  const fields: CustomerSearchField[] = looksLikeDomain(trimmed) ? ['CompanyName', 'Domain'] : ['CompanyName'];
  const filters = trimmed === '' ? [undefined] : fields.map((field) => customerFilter(field, trimmed));
  // Parallel searches are different calls: each needs its own MS-RequestId, never the caller's.
  const searchCtx: CallContext = { correlationId: ctx.correlationId, locale: ctx.locale };
  const pages = await Promise.all(
    filters.map((filter) =>
      readAllPages(
        transport,
        searchCtx,
        { path: '/customers', query: { size, filter } },
        customerSchema,
        { maxPages: options.maxPages, maxItems: size },
        options.logger,
      ),
    ),
  );
  const byId = new Map<string, Customer>();
  for (const customer of pages.flat()) {
    if (!byId.has(customer.id)) byId.set(customer.id, customer);
  }
  return [...byId.values()].slice(0, size);
}
