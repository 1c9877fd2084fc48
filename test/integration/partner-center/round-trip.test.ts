import type { z } from 'zod';
import { cartSchema, orderSchema, type CartInput, type OrderInput } from '../../../src/partner-center/schemas';
import { readSeed } from '../../unit/partner-center/seed-files';
import { CONTOSO_E3, ctx, startHarness, type Harness, type Sandbox } from './sandbox-harness';
import { CONTOSO_ID, FABRIKAM_ID, NORTHWIND_ID, TAILSPIN_ID } from '../../../src/sandbox/data/seed-ids';

/**
 * Nothing the caller puts in a request body may be dropped or renamed on the way to Partner Center
 * (the PowerShell cmdlets lost TermDuration and FriendlyName exactly this way). Each request below is
 * sent through the client and compared with what the sandbox received.
 */

/** Seed requests from test/fixtures/seeds, checked against the cart/order schemas before sending. */
function seedRequest<S extends z.ZodType>(file: string, schema: S): z.input<S> {
  const body = readSeed(file);
  schema.parse(body);
  return body as z.input<S>;
}

/** create-a-cart.md (seed 003), "Request sample": NCE lines, PascalCase attestation key, co-term, resellers. */
const nceSeedRequest = seedRequest('003-create-cart-nce-indirect.request.json', cartSchema);
/** create-a-cart.md (seed 003), "Request example": Azure plan, reservations, software, SaaS and a trial. */
const multiLineSeedRequest = seedRequest('003-create-cart-mixed.request.json', cartSchema);
/** create-a-cart.md (seed 003), new-commerce example: PascalCase keys and "BillingCycle": "Monthly". */
const pascalCaseSeedRequest = readSeed('003-create-cart-nce.request.json') as CartInput;
/** create-an-order.md, NCE indirect: PascalCase reseller keys on the line. */
const orderSeedRequest = seedRequest('api-order-create-nce-indirect.request.json', orderSchema);

/** Every optional line field the bot may set, including the ones the seeds do not show together. */
const everyFieldCart: CartInput = {
  partnerOnRecordAttestationAccepted: true,
  lineItems: [
    {
      id: 0,
      catalogItemId: 'CFQ7TTC0J1FV:0002:CFQ7TTC0J1G1',
      friendlyName: 'Windows 365 for designers',
      quantity: 3,
      billingCycle: 'monthly',
      termDuration: 'P1Y',
      promotionId: '39NFJQT1PJQB:0001:39NFJQT1Q5KN',
      customTermEndDate: '2030-01-31T00:00:00Z',
      attestationAccepted: true,
      participants: [{ key: 'transaction_reseller', value: '5357564' }],
      provisioningContext: { note: 'kept' },
      renewsTo: { termDuration: 'P1Y' },
    },
  ],
};

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness.close());

function lastBodySent(sandbox: Sandbox, method: string, pathEnd: string): unknown {
  const request = [...sandbox.requests].reverse().find((r) => r.method === method && r.path.endsWith(pathEnd));
  expect(request).toBeDefined();
  return request?.body;
}

describe('request bodies reach the wire unchanged', () => {
  it('the NCE seed request (attestation, co-term date, resellers, null renewsTo)', async () => {
    const cart = await harness.client.createCart(ctx, TAILSPIN_ID, nceSeedRequest);
    expect(lastBodySent(harness.sandbox, 'POST', '/carts')).toEqual(nceSeedRequest);
    expect(cart.lineItems).toHaveLength(2);
  });

  it('the multi-line seed request (provisioningContext, renewsTo, no term for software)', async () => {
    const cart = await harness.client.createCart(ctx, FABRIKAM_ID, multiLineSeedRequest);
    expect(lastBodySent(harness.sandbox, 'POST', '/carts')).toEqual(multiLineSeedRequest);
    expect(cart.lineItems).toHaveLength(6);
  });

  it('the PascalCase new-commerce seed request, keys and casing untouched', async () => {
    await harness.client.createCart(ctx, NORTHWIND_ID, pascalCaseSeedRequest);
    expect(lastBodySent(harness.sandbox, 'POST', '/carts')).toEqual(pascalCaseSeedRequest);
  });

  it('the NCE indirect create-order seed request', async () => {
    await harness.client.createOrder(ctx, CONTOSO_ID, orderSeedRequest);
    expect(lastBodySent(harness.sandbox, 'POST', '/orders')).toEqual(orderSeedRequest);
  });

  it('every optional cart field, on create and on update', async () => {
    const cart = await harness.client.createCart(ctx, CONTOSO_ID, everyFieldCart);
    expect(lastBodySent(harness.sandbox, 'POST', '/carts')).toEqual(everyFieldCart);
    await harness.client.updateCart(ctx, CONTOSO_ID, cart.id ?? '', everyFieldCart);
    expect(lastBodySent(harness.sandbox, 'PUT', `/carts/${cart.id}`)).toEqual(everyFieldCart);
  });

  it('an order line with parentSubscriptionId, resellers and provisioning context', async () => {
    const base = await harness.client.getSubscription(ctx, CONTOSO_ID, CONTOSO_E3.subscriptionId);
    const [addon] = await harness.client.listOfferAddons(ctx, base.offerId, 'US');
    const order: OrderInput = {
      referenceCustomerId: CONTOSO_ID,
      partnerOnRecordAttestationAccepted: true,
      lineItems: [
        {
          lineItemNumber: 0,
          offerId: addon?.id ?? '',
          parentSubscriptionId: base.id,
          friendlyName: 'Round trip',
          quantity: 1,
          partnerIdOnRecord: '5357564',
          provisioningContext: { note: 'kept' },
        },
      ],
    };
    await harness.client.addAddOnToOrder(ctx, CONTOSO_ID, base.orderId ?? '', order);
    expect(lastBodySent(harness.sandbox, 'PATCH', `/orders/${base.orderId}`)).toEqual(order);
  });
});
