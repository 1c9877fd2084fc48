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
import { cartRequestSchema } from '../../../src/sandbox/contract/cart-request';
import { orderRequestSchema } from '../../../src/sandbox/contract/order-request';
import { readSeed, SEEDS_DIR } from './seed-files';

/**
 * Every JSON document in test/fixtures/seeds (request and response bodies from the seeds and the API
 * reference; see its README), and who it judges. The table names every file, and a file missing from it
 * fails the run, so nothing is skipped.
 *
 * Request documents are judged by the sandbox's contract schemas (src/sandbox/contract/), written from
 * the seeds independently of the client: they bind keys case-insensitively and refuse unknown ones, so
 * a seed request that stopped parsing means the contract drifted. Response documents judge the client:
 * the bot must be able to read what the service really answers, so they go through the client's schemas.
 */

type CorpusEntry = { judges: 'sandbox contract'; schema: z.ZodType } | { judges: 'client'; schema: z.ZodType };

const cartRequest: CorpusEntry = { judges: 'sandbox contract', schema: cartRequestSchema };
const orderRequest: CorpusEntry = { judges: 'sandbox contract', schema: orderRequestSchema };
const cartResponse: CorpusEntry = { judges: 'client', schema: cartSchema };

const CORPUS: Record<string, CorpusEntry> = {
  '003-create-cart-mixed.request.json': cartRequest,
  '003-create-cart-mixed.response.json': cartResponse,
  '003-create-cart-nce-indirect.request.json': cartRequest,
  '003-create-cart-nce-indirect.response.json': cartResponse,
  '003-create-cart-nce.request.json': cartRequest,
  '003-create-cart-nce.response.json': cartResponse,
  '004-create-cart-mixed.request.json': cartRequest,
  '004-create-cart-mixed.response.json': cartResponse,
  'api-availability-nce.json': { judges: 'client', schema: availabilitySchema },
  'api-checkout-result-nce.json': { judges: 'client', schema: cartCheckoutResultSchema },
  'api-custom-term-end-dates.json': { judges: 'client', schema: collectionSchema(customTermEndDateSchema) },
  'api-error-body-order-status.json': { judges: 'client', schema: apiErrorBodySchema },
  'api-error-body-quantity-decrease.json': { judges: 'client', schema: apiErrorBodySchema },
  'api-order-addon-patch.request.json': orderRequest,
  'api-order-create-nce-indirect.request.json': orderRequest,
  'api-order-nce-pending.json': { judges: 'client', schema: orderSchema },
  'api-order-provisioning-status.json': { judges: 'client', schema: collectionSchema(lineItemProvisioningStatusSchema) },
  'api-throttle-429-body.json': { judges: 'client', schema: throttleBodySchema },
};

const files = readdirSync(SEEDS_DIR).filter((name) => name.endsWith('.json')).sort();

describe('seed corpus', () => {
  it('names every JSON file in the corpus, and only those', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(files).toEqual(Object.keys(CORPUS).sort());
  });

  it.each(files)('%s parses with the schema it judges', (file) => {
    const entry = CORPUS[file];
    if (!entry) throw new Error(`${file} is not in the corpus table`);
    const result = entry.schema.safeParse(readSeed(file));
    if (!result.success) throw new Error(`${file} (judging the ${entry.judges}): ${result.error.message}`);
  });

  it('request documents are the ones named *.request.json, and the contract judges them', () => {
    const requests = files.filter((file) => CORPUS[file]?.judges === 'sandbox contract');
    expect(requests).toEqual(files.filter((file) => file.endsWith('.request.json')));
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
