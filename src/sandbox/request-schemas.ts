import { z } from 'zod';
import { requestResource } from './contract/bind-keys';
import { partnerCenterCodeOf } from './contract/partner-center-issue';
import { invalidInput, partnerCenterError } from './errors';

/** get-a-customer-by-name.md filter, sent URL-encoded as JSON; keys bound case-insensitively. */
export const customerFilterSchema = requestResource({
  field: z.string().transform((field) => field.toLowerCase()).pipe(z.enum(['companyname', 'domain'])),
  value: z.string(),
  operator: z.string().transform((op) => op.toLowerCase()).pipe(z.literal('starts_with')),
});

/** `POST /_sandbox/arrivals`: wait for the next /v1 request whose path matches (a regular expression). */
export const arrivalRequestSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
  pathPattern: z.string().min(1).transform((pattern, ctx) => {
    try {
      return new RegExp(pattern);
    } catch {
      ctx.addIssue({ code: 'custom', message: `pathPattern is not a regular expression: ${pattern}` });
      return z.NEVER;
    }
  }),
  /**
   * Wait for the n-th matching request since the sandbox started, counting those already seen: unlike
   * "the next one", it cannot miss a request that arrives before this wait is registered.
   */
  nth: z.number().int().positive().optional(),
});

/** `POST /_sandbox/clock`: move the sandbox clock forward, or to an instant. */
export const clockRequestSchema = z.union([
  z.strictObject({ advanceMs: z.number().int().min(0) }),
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
]);

/**
 * Parses an inbound body. A failure Partner Center has its own code for (900126 enum, 900268 term, 0
 * order status) keeps that code; any other becomes 400 800002 with the first issue named.
 */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const code = partnerCenterCodeOf(issue);
  if (code !== undefined && issue) throw partnerCenterError(400, code, issue.message);
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw invalidInput(`${where}${issue?.message ?? 'the body does not match the resource schema'}.`);
}
