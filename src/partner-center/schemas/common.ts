import { z } from 'zod';

/**
 * Shapes shared by every Partner Center resource.
 * Responses are parsed leniently (`looseObject` keeps unknown keys; optional fields accept null),
 * because the service adds fields without notice and the SDKs send explicit nulls.
 */

export const linkSchema = z.looseObject({
  uri: z.string(),
  method: z.string().optional(),
  headers: z.array(z.looseObject({ key: z.string(), value: z.string() })).nullish(),
});
export type Link = z.infer<typeof linkSchema>;

export const attributesSchema = z.looseObject({
  objectType: z.string().nullish(),
  etag: z.string().nullish(),
});
export type Attributes = z.infer<typeof attributesSchema>;

export const linksSchema = z.record(z.string(), linkSchema.nullish());

/** A paged collection: `{totalCount, items, links, continuationToken?, attributes:{objectType:"Collection"}}`. */
export function collectionSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    totalCount: z.number().int().nullish(),
    items: z.array(item),
    continuationToken: z.string().nullish(),
    links: linksSchema.nullish(),
    attributes: attributesSchema.nullish(),
  });
}
export interface Collection<T> {
  totalCount?: number | null;
  items: T[];
  continuationToken?: string | null;
}

/**
 * Partner Center enums are "js-case" strings (`OneTime` → `one_time`), but some responses and most
 * PowerShell/.NET callers use PascalCase (`"BillingCycle": "Monthly"`). Normalise before comparing.
 */
export function toJsCase(value: string): string {
  return value
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

export const BILLING_CYCLES = ['monthly', 'annual', 'triennial', 'biennial', 'one_time', 'none', 'unknown'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

/** Unknown spellings map to `unknown`, as the .NET SDK's EnumJsonConverter maps them to value 0. */
export const billingCycleSchema = z.string().transform((raw): BillingCycle => {
  const value = toJsCase(raw) === 'onetime' ? 'one_time' : toJsCase(raw);
  return (BILLING_CYCLES as readonly string[]).includes(value) ? (value as BillingCycle) : 'unknown';
});

/** ISO-8601 term durations Partner Center uses: P1M, P1Y, P3Y (others may appear). */
export const termDurationSchema = z.string().regex(/^P\d+[DWMY]$/i, 'an ISO-8601 duration such as P1M or P1Y');

export const pricingSchema = z.looseObject({
  listPrice: z.number().nullish(),
  discountedPrice: z.number().nullish(),
  proratedPrice: z.number().nullish(),
  price: z.number().nullish(),
  extendedPrice: z.number().nullish(),
});
export type Pricing = z.infer<typeof pricingSchema>;
