import { readdirSync } from 'node:fs';
import { z } from 'zod';
import { errorFromResponse } from '../../../src/partner-center/errors';
import {
  apiErrorBodySchema,
  availabilitySchema,
  cartCheckoutResultSchema,
  cartSchema,
  collectionSchema,
  customTermEndDateSchema,
  lineItemProvisioningStatusSchema,
  orderSchema,
  throttleBodySchema,
} from '../../../src/partner-center/schemas';
import { readSeed, SEEDS_DIR } from './seed-files';

/**
 * Every JSON document in test/fixtures/seeds (request and response bodies from the seeds and the API
 * reference; see its README) must parse with the schema the client uses for it. The table names every
 * file, and a file missing from it fails the run, so nothing is skipped.
 */

interface CorpusEntry {
  schema: z.ZodType;
  /** Requests are bound case-insensitively by the service ("LineItems" = "lineItems"). */
  request?: boolean;
}

const cartRequest: CorpusEntry = { schema: cartSchema, request: true };
const cartResponse: CorpusEntry = { schema: cartSchema };

const CORPUS: Record<string, CorpusEntry> = {
  '003-create-cart-mixed.request.json': cartRequest,
  '003-create-cart-mixed.response.json': cartResponse,
  '003-create-cart-nce-indirect.request.json': cartRequest,
  '003-create-cart-nce-indirect.response.json': cartResponse,
  '003-create-cart-nce.request.json': cartRequest,
  '003-create-cart-nce.response.json': cartResponse,
  '004-create-cart-mixed.request.json': cartRequest,
  '004-create-cart-mixed.response.json': cartResponse,
  'api-availability-nce.json': { schema: availabilitySchema },
  'api-checkout-result-nce.json': { schema: cartCheckoutResultSchema },
  'api-custom-term-end-dates.json': { schema: collectionSchema(customTermEndDateSchema) },
  'api-error-body-order-status.json': { schema: apiErrorBodySchema },
  'api-error-body-quantity-decrease.json': { schema: apiErrorBodySchema },
  'api-order-addon-patch.request.json': { schema: orderSchema, request: true },
  'api-order-create-nce-indirect.request.json': { schema: orderSchema, request: true },
  'api-order-nce-pending.json': { schema: orderSchema },
  'api-order-provisioning-status.json': { schema: collectionSchema(lineItemProvisioningStatusSchema) },
  'api-throttle-429-body.json': { schema: throttleBodySchema },
};

/** The service's binding: first letter lower-cased, recursively (PascalCase SDK payloads → camelCase). */
function bindKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bindKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), bindKeys(inner)]),
  );
}

const files = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.json')).sort();

describe('seed corpus', () => {
  it('names every JSON file in the corpus, and only those', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(files)('%s parses with its schema', (file) => {
    const entry = CORPUS[file];
    if (!entry) throw new Error(`${file} is not in the corpus table`);
    const document = readSeed(file);
    const result = entry.schema.safeParse(entry.request ? bindKeys(document) : document);
    if (!result.success) throw new Error(`${file}: ${result.error.message}`);
  });

  it.each([
    ['api-throttle-429-body.json', 429, { kind: 'throttled', retryAfterSeconds: 57 }],
    ['api-error-body-order-status.json', 400, { kind: 'business', code: 0 }],
    ['api-error-body-quantity-decrease.json', 400, { kind: 'business', code: 800090 }],
  ] as const)('%s maps to a typed error', (file, status, expected) => {
    const error = errorFromResponse(
      { status, statusText: '', headers: new Headers(), bodyText: JSON.stringify(readSeed(file)) },
      { method: 'GET', path: '/v1/x', requestId: 'r', correlationId: 'c' },
    );
    expect(error).toMatchObject(expected);
  });
});
