import { z } from 'zod';

/** A RegExp source tested against the request path, e.g. "/checkout$"; absent = every /v1 request. */
const pathPattern = z.string().min(1).optional();
const count = z.number().int().min(0);

export const knobSettingsSchema = z.strictObject({
  /** Every matching request is answered this much later (until reset). */
  latency: z.strictObject({ ms: z.number().int().min(0), pathPattern }).nullish(),
  /** The next `count` matching requests get 429 + Retry-After. */
  throttle: z.strictObject({ count, retryAfterSeconds: z.number().int().min(0).default(1), pathPattern }).nullish(),
  /** The next `count` matching requests get a 5xx with the standard error body. */
  serverErrors: z
    .strictObject({ count, status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(500), pathPattern })
    .nullish(),
  /**
   * The next `count` matching requests have their socket destroyed without any response: before the
   * request is processed, or with `afterProcessing` once it was (the answer is lost, the effect is not —
   * what a client sees when Partner Center times out after placing the order).
   */
  dropConnections: z.strictObject({ count, pathPattern, afterProcessing: z.boolean().default(false) }).nullish(),
  /**
   * The next `count` matching requests (of `method`, when given) wait once they arrived, before they are
   * handled, until `POST /_sandbox/release`: a test can change something between two calls of a client.
   */
  hold: z.strictObject({ count, method: z.string().optional(), pathPattern }).nullish(),
  /** The next `count` checkouts, order creations and/or subscription PATCHes fail with this Partner Center code. */
  businessFault: z
    .strictObject({
      count: count.default(1),
      code: z.number().int(),
      status: z.number().int().min(400).max(599),
      description: z.string().optional(),
      on: z.enum(['checkout', 'order', 'subscription', 'any']).default('any'),
    })
    .nullish(),
  /** The next `count` checkouts put the named order group into `orderErrors` instead of `orders`. */
  partialSuccess: z
    .strictObject({ count: count.default(1), orderGroup: z.string(), code: z.number().int(), description: z.string().optional() })
    .nullish(),
});
export type KnobSettings = z.infer<typeof knobSettingsSchema>;
export type KnobSettingsInput = z.input<typeof knobSettingsSchema>;
