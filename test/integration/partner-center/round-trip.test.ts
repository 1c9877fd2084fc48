import type { CartInput, OrderInput } from '../../../src/partner-center/schemas';
import { CONTOSO_E3, CONTOSO_ID, ctx, FABRIKAM_ID, startHarness, TAILSPIN_ID, type Harness, type Sandbox } from './sandbox-harness';

/**
 * Nothing the caller puts in a request body may be dropped or renamed on the way to Partner Center
 * (the PowerShell cmdlets lost TermDuration and FriendlyName exactly this way). Each request below is
 * sent through the client and compared with what the sandbox received.
 */

/** create-a-cart.md (seed 003), "Request sample": NCE lines, PascalCase attestation key, co-term, resellers. */
const nceSeedRequest: CartInput = {
  PartnerOnRecordAttestationAccepted: true,
  lineItems: [
    {
      id: 0,
      catalogItemId: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P',
      quantity: 1,
      billingCycle: 'monthly',
      termDuration: 'P1M',
      renewsTo: null,
      provisioningContext: {},
      customTermEndDate: '2022-02-19T00:00:00Z',
    },
    {
      id: 1,
      catalogItemId: 'CFQ7TTC0LFLS:0002:CFQ7TTC0KDLJ',
      quantity: 2,
      billingCycle: 'monthly',
      termDuration: 'P1Y',
      participants: [
        { key: 'transaction_reseller', value: '5357564' },
        { key: 'additional_transaction_reseller', value: '517285' },
        { key: 'additional_transaction_reseller', value: '5357563' },
      ],
    },
  ],
};

/** create-a-cart.md (seed 003), "Request example": Azure plan, reservations, software, SaaS and a trial. */
const multiLineSeedRequest: CartInput = {
  lineItems: [
    { id: 0, catalogItemId: 'MS-AZR-0145P', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' },
    {
      id: 1,
      catalogItemId: 'DZH318Z0BQ36:004G:DZH318Z08C0S',
      quantity: 1,
      billingCycle: 'one_time',
      termDuration: 'P1Y',
      provisioningContext: { subscriptionId: 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e', scope: 'shared' },
    },
    {
      id: 2,
      catalogItemId: 'DZH318Z0BQ36:004J:DZH318Z08B8X',
      quantity: 1,
      billingCycle: 'one_time',
      termDuration: 'P3Y',
      provisioningContext: { subscriptionId: 'aaaa0a0a-bb1b-cc2c-dd3d-eeeeee4e4e4e', scope: 'single' },
    },
    { id: 3, catalogItemId: 'DG7GMGF0DWTL:0001:DG7GMGF0DSFM', quantity: 1, billingCycle: 'one_time' },
    { id: 4, catalogItemId: 'DZH318Z0BXWC:0002:DZH318Z0BMRV', quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
    {
      id: 5,
      catalogItemId: 'DZH318Z0C0WF:0001:DZH318Z0BP69',
      quantity: 10,
      billingCycle: 'none',
      termDuration: 'P1M',
      renewsTo: { termDuration: 'P1Y' },
    },
  ],
};

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
