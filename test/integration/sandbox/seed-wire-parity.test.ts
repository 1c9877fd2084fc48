import { buildCartRequest } from '../../../src/flows/purchase/cart-request';
import type { DraftLine } from '../../../src/flows/purchase/purchase';
import { cartRequestSchema } from '../../../src/sandbox/contract/cart-request';
import { ctx, startHarness, type Harness } from '../partner-center/sandbox-harness';
import { asRecord, fixture, itemsOf } from './sandbox-client';
import { FABRIKAM_ID, TAILSPIN_ID } from '../../../src/sandbox/data/seed-ids';

/**
 * Line by line: the seed request examples against what the bot really puts on the wire for the same
 * purchase. Each seed line is turned into the draft line a rep would build, the bot's own request builder
 * (buildCartRequest) and client send it to the sandbox, and the body the sandbox received is compared
 * with the seed: the same property names in the same casing, the same values in the same formats
 * (js-case billing cycles, ISO terms, participant keys, the co-term date's shape), nothing more. The
 * sandbox's contract schemas, not the client's, then judge the received body. A field renamed in the
 * bot's builder or client, or in the sandbox's contract, fails here.
 */

type SeedLine = Record<string, unknown>;

function draftLineFor(seed: SeedLine, index: number): DraftLine {
  const catalogItemId = String(seed['catalogItemId']);
  const [productId = catalogItemId, skuId = '', availabilityId] = catalogItemId.split(':');
  const participants = (seed['participants'] ?? []) as { key: string; value: string }[];
  const optional = (key: string): string | undefined => (typeof seed[key] === 'string' ? (seed[key] as string) : undefined);
  const renewsTo = seed['renewsTo'] as { termDuration?: string } | null | undefined;
  return {
    lineId: `line-${index}`,
    productId,
    productTitle: productId,
    skuId,
    skuTitle: skuId,
    ...(availabilityId ? { availabilityId } : {}),
    catalogItemId,
    quantity: Number(seed['quantity']),
    billingCycle: seed['billingCycle'] as DraftLine['billingCycle'],
    ...(optional('termDuration') ? { termDuration: optional('termDuration') } : {}),
    ...(optional('friendlyName') ? { friendlyName: optional('friendlyName') } : {}),
    ...(optional('customTermEndDate') ? { customTermEndDate: optional('customTermEndDate') } : {}),
    ...(renewsTo?.termDuration ? { renewsToTermDuration: renewsTo.termDuration } : {}),
    provisioningContext: (seed['provisioningContext'] ?? {}) as Record<string, string>,
    ...(participants.some((p) => p.key === 'transaction_reseller')
      ? { transactionReseller: participants.find((p) => p.key === 'transaction_reseller')?.value }
      : {}),
    additionalResellers: participants.filter((p) => p.key === 'additional_transaction_reseller').map((p) => p.value),
  };
}

/** An explicit null or an empty object says the same as leaving the property out; the bot leaves it out. */
function withoutEmpty(line: SeedLine): SeedLine {
  return Object.fromEntries(
    Object.entries(line).filter(([, value]) => value !== null && !(typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0)),
  );
}

const SEEDS = [
  { file: '003-create-cart-mixed.request.json', customerId: FABRIKAM_ID },
  { file: '003-create-cart-nce-indirect.request.json', customerId: TAILSPIN_ID },
  { file: '004-create-cart-mixed.request.json', customerId: FABRIKAM_ID },
] as const;

let harness: Harness;
beforeAll(async () => {
  // create-a-cart's indirect sample was answered on 2021-08-18; its co-term date must still lie ahead.
  harness = await startHarness({}, { now: () => new Date('2021-08-18T17:29:52.351Z') });
});
afterAll(() => harness.close());

describe.each(SEEDS)('$file against the bot’s cart request', ({ file, customerId }) => {
  const seed = asRecord(fixture(file));
  const seedLines = itemsOf(seed);
  const attested = Object.keys(seed).some((key) => key.toLowerCase() === 'partneronrecordattestationaccepted');
  let sent: Record<string, unknown>;

  beforeAll(async () => {
    const body = buildCartRequest(seedLines.map(draftLineFor), attested ? { partnerOfRecord: true, lines: false } : undefined);
    const cart = await harness.client.createCart(ctx, customerId, body);
    expect(cart.lineItems.map((line) => line.error ?? null)).toEqual(seedLines.map(() => null));
    const received = harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${customerId}/carts`).at(-1);
    sent = asRecord(received?.body);
  });

  it('sends every seed line with the seed’s property names, casing and values', () => {
    const sentLines = itemsOf(sent);
    expect(sentLines).toHaveLength(seedLines.length);
    seedLines.forEach((seedLine, index) => {
      expect({ line: index, body: sentLines[index] }).toEqual({ line: index, body: withoutEmpty(seedLine) });
    });
  });

  it('names the cart’s own properties as the seed does (the seed writes the attestation in PascalCase, which binds the same)', () => {
    expect(Object.keys(sent).map((key) => key.toLowerCase()).sort()).toEqual(Object.keys(seed).map((key) => key.toLowerCase()).sort());
    expect(Object.keys(sent)).toContain('lineItems');
  });

  it('is accepted by the sandbox’s own contract schema', () => {
    const parsed = cartRequestSchema.safeParse(sent);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('a renamed field cannot slip through', () => {
  const line = { id: 0, catalogItemId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' };

  it.each([
    ['catalogId (the docs’ table name) instead of catalogItemId', { ...line, catalogItemId: undefined, catalogId: line.catalogItemId }],
    ['qty instead of quantity', { ...line, quantity: undefined, qty: 1 }],
    ['term instead of termDuration', { ...line, termDuration: undefined, term: 'P1Y' }],
    ['friendly_name instead of friendlyName', { ...line, friendly_name: 'Head office' }],
  ])('the contract refuses %s', (_label, renamed) => {
    expect(cartRequestSchema.safeParse({ lineItems: [JSON.parse(JSON.stringify(renamed))] }).success).toBe(false);
  });

  it('the contract binds a property whatever its casing, as the service does', () => {
    const parsed = cartRequestSchema.parse({ LineItems: [{ CatalogItemID: line.catalogItemId, QUANTITY: 1, BillingCycle: 'Monthly', termduration: 'p1y' }] });
    expect(parsed.lineItems[0]).toMatchObject({ catalogItemId: line.catalogItemId, quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' });
  });
});
