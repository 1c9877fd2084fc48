import { z } from 'zod';
import { cartSchema, orderSchema } from '../partner-center/schemas';
import { invalidInput } from './errors';

/** Carts need at least one line ("You must have at least one cart line item", create-a-cart.md). */
export const cartRequestSchema = cartSchema.extend({ lineItems: cartSchema.shape.lineItems.min(1) });

export const orderRequestSchema = orderSchema.extend({ lineItems: orderSchema.shape.lineItems.min(1) });

/** get-a-customer-by-name.md filter, sent URL-encoded as JSON; keys bound case-insensitively. */
export const customerFilterSchema = z.object({
  field: z.string().transform((field) => field.toLowerCase()).pipe(z.enum(['companyname', 'domain'])),
  value: z.string(),
  operator: z.string().transform((op) => op.toLowerCase()).pipe(z.literal('starts_with')),
});

/** `POST /_sandbox/clock`: move the sandbox clock forward, or to an instant. */
export const clockRequestSchema = z.union([
  z.strictObject({ advanceMs: z.number().int().min(0) }),
  z.strictObject({ now: z.iso.datetime({ offset: true }) }),
]);

/** Parses an inbound body, turning schema failures into 400 800002 with the first issue named. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw invalidInput(`${where}${issue?.message ?? 'the body does not match the resource schema'}.`);
}
