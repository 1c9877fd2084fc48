import type { z } from 'zod';
import type { HttpTransport, PartnerCenterRequest } from './http';
import type { PartnerCenterLogger } from './logger';
import type { CallContext } from './operations';
import { collectionSchema, type Link } from './schemas';

const CONTINUATION_TOKEN_HEADER = 'MS-ContinuationToken';

export interface PagingLimits {
  /** Hard stop so a misbehaving service cannot keep us paging forever. */
  maxPages: number;
  /** Stop early once this many items are in hand (a search only shows the first few). */
  maxItems?: number;
}

export const DEFAULT_MAX_PAGES = 10;

type FirstPage = Pick<PartnerCenterRequest<z.ZodType>, 'path' | 'query'>;

/**
 * Reads a collection and follows its next pages. Seek-based collections (customers) put the token in
 * `continuationToken` and in `links.next.headers` as MS-ContinuationToken, with `seekOperation=Next` in
 * `links.next.uri` (SeekBasedResourceCollection in the .NET SDK); index-based ones only give `links.next`.
 * Each page is its own call and so gets its own MS-RequestId; only the first may use the caller's.
 */
export async function readAllPages<S extends z.ZodType>(
  transport: HttpTransport,
  ctx: CallContext,
  first: FirstPage,
  itemSchema: S,
  limits: PagingLimits,
  logger?: PartnerCenterLogger,
): Promise<z.infer<S>[]> {
  const schema = collectionSchema(itemSchema);
  const items: z.infer<S>[] = [];
  let request: PartnerCenterRequest<typeof schema> = { method: 'GET', ...first, schema };
  for (let page = 1; ; page += 1) {
    const collection = await transport.send(page === 1 ? ctx : withoutRequestId(ctx), request);
    items.push(...collection.items);
    const next = nextPageRequest(first, collection.links?.next ?? undefined, collection.continuationToken ?? undefined);
    if (!next || (limits.maxItems !== undefined && items.length >= limits.maxItems)) return items;
    if (page >= limits.maxPages) {
      logger?.warn({ path: first.path, pages: page, items: items.length }, 'partner center paging stopped at its bound');
      return items;
    }
    request = { ...next, method: 'GET', schema };
  }
}

function nextPageRequest(
  first: FirstPage,
  next: Link | undefined,
  continuationToken: string | undefined,
): Omit<PartnerCenterRequest<z.ZodType>, 'method' | 'schema'> | undefined {
  const linkToken = next?.headers?.find((header) => header.key.toLowerCase() === CONTINUATION_TOKEN_HEADER.toLowerCase())?.value;
  const token = linkToken ?? continuationToken;
  // Only the continuation token is copied from the link: a response never gets to set our other headers.
  const headers = token ? { [CONTINUATION_TOKEN_HEADER]: token } : undefined;
  if (next) return { path: next.uri, headers };
  if (!token) return undefined;
  return { path: first.path, query: { ...first.query, seekOperation: 'Next' }, headers };
}

function withoutRequestId(ctx: CallContext): CallContext {
  return { correlationId: ctx.correlationId, locale: ctx.locale };
}
