import type { SandboxContext } from '../context';
import { invalidInput } from '../errors';
import type { Route } from '../http/types';
import { customerFilterSchema, parseBody } from '../request-schemas';
import { customerResource } from '../resources/customer-resource';
import { collection, link } from '../resources/links';
import type { CustomerSearchField } from '../store';

/** get-a-list-of-customers.md reports pages of up to 500. */
const DEFAULT_PAGE_SIZE = 500;

function parseFilter(raw: string): { field: CustomerSearchField; value: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw invalidInput('filter is not valid JSON.');
  }
  const filter = parseBody(customerFilterSchema, json);
  return { field: filter.field === 'domain' ? 'domain' : 'companyName', value: filter.value };
}

function decodeOffset(token: string | undefined): number {
  const offset = token ? Number(Buffer.from(token, 'base64url').toString('utf8')) : 0;
  if (!Number.isInteger(offset) || offset < 0) throw invalidInput('MS-ContinuationToken is not valid.');
  return offset;
}

export function customerRoutes({ store }: SandboxContext): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/customers',
      handler: ({ query, headers }) => {
        const size = query['size'] === undefined ? 0 : Number(query['size']);
        if (!Number.isInteger(size) || size < 0) throw invalidInput('size must be a non-negative integer.');
        const pageSize = size > 0 ? size : DEFAULT_PAGE_SIZE;
        const filter = query['filter'] ? parseFilter(query['filter']) : undefined;
        const matching = store.searchCustomers(filter?.field, filter?.value ?? '');
        // Seek paging (SDK): ?seekOperation=Next with the token in MS-ContinuationToken.
        const offset = query['seekOperation']?.toLowerCase() === 'next' ? decodeOffset(headers['ms-continuationtoken']) : 0;
        const page = matching.slice(offset, offset + pageSize).map(customerResource);
        const nextOffset = offset + pageSize;
        const body = collection(page, `/customers?size=${pageSize}`);
        if (nextOffset < matching.length) {
          const token = Buffer.from(String(nextOffset)).toString('base64url');
          body['continuationToken'] = token;
          body['links'] = {
            self: link(`/customers?size=${pageSize}`),
            next: link('/customers?seekOperation=Next', 'GET', [{ key: 'MS-ContinuationToken', value: token }]),
          };
        }
        return { status: 200, body };
      },
    },
    {
      method: 'GET',
      pattern: '/customers/{customerId}',
      handler: ({ params }) => ({ status: 200, body: customerResource(store.customer(params['customerId'] ?? '')) }),
    },
  ];
}
