import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  apiErrorBodySchema,
  availabilitySchema,
  cartCheckoutResultSchema,
  cartSchema,
  collectionSchema,
  customerSchema,
  lineItemProvisioningStatusSchema,
  offerSchema,
  orderSchema,
  productSchema,
  skuSchema,
  subscriptionSchema,
  throttleBodySchema,
} from '../../../src/partner-center/schemas';

/**
 * Every JSON document in test/fixtures/seeds (real Partner Center payloads from the seeds and the API
 * reference, collected by the sandbox engineer) must parse with the schema the client uses for it.
 * The schema is chosen from the service's own `attributes.objectType`, then from the file name; a file
 * that matches nothing fails, so no document is silently skipped.
 */
const SEEDS_DIR = join(__dirname, '..', '..', 'fixtures', 'seeds');

const BY_OBJECT_TYPE: Record<string, z.ZodType> = {
  Cart: cartSchema,
  CartCheckoutResult: cartCheckoutResultSchema,
  Order: orderSchema,
  Subscription: subscriptionSchema,
  Customer: customerSchema,
  Offer: offerSchema,
  Product: productSchema,
  Sku: skuSchema,
  Availability: availabilitySchema,
};

/** Most specific first: "cart-checkout" is a checkout result, not a cart. */
const BY_FILE_NAME: [RegExp, z.ZodType][] = [
  [/checkout/i, cartCheckoutResultSchema],
  [/provisioning/i, lineItemProvisioningStatusSchema],
  [/availabilit/i, availabilitySchema],
  [/sku/i, skuSchema],
  [/product/i, productSchema],
  [/offer|addon/i, offerSchema],
  [/subscription/i, subscriptionSchema],
  [/order/i, orderSchema],
  [/cart/i, cartSchema],
  [/customer/i, customerSchema],
  [/throttl|429/i, throttleBodySchema],
  [/error|fault/i, apiErrorBodySchema],
];

function objectTypeOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const attributes = (value as { attributes?: { objectType?: unknown } }).attributes;
  return typeof attributes?.objectType === 'string' ? attributes.objectType : undefined;
}

function schemaFor(file: string, document: unknown): z.ZodType | undefined {
  const byName = BY_FILE_NAME.find(([pattern]) => pattern.test(file))?.[1];
  const objectType = objectTypeOf(document);
  if (objectType === 'Collection') {
    const items = (document as { items?: unknown[] }).items ?? [];
    const item = BY_OBJECT_TYPE[objectTypeOf(items[0]) ?? ''] ?? byName;
    return item && collectionSchema(item);
  }
  return BY_OBJECT_TYPE[objectType ?? ''] ?? byName;
}

const files = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.json')).sort();

describe('seed corpus', () => {
  it('has documents to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s parses with its schema', (file) => {
    const document: unknown = JSON.parse(readFileSync(join(SEEDS_DIR, file), 'utf8'));
    const schema = schemaFor(file, document);
    if (!schema) throw new Error(`${file}: no schema matches; add it to BY_OBJECT_TYPE or BY_FILE_NAME`);
    const result = schema.safeParse(document);
    if (!result.success) throw new Error(`${file}: ${result.error.message}`);
  });
});
