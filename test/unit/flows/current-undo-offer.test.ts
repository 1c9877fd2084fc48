import pino from 'pino';
import type { PartnerCenterReader } from '../../../src/partner-center';
import type { Order } from '../../../src/partner-center/schemas';
import type { CartPurchase } from '../../../src/flows/purchase/purchase';
import { currentUndoOffer } from '../../../src/flows/purchase/undo/current-undo-offer';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const actor = { aadObjectId: 'a1', tenantId: 't1', name: 'Rita Rep', userId: '29:rep' };

function order(id: string, status: string): Order {
  return { id, status, currencyCode: 'USD', lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 2 }] };
}

/** A cart purchase Partner Center answered with two orders: one completed at the checkout, one still pending. */
function placed(orders: Order[]): CartPurchase {
  return {
    id: '5b0b5a8e-3d55-4a39-9d0c-9b0f7b6d6a12', kind: 'cart', status: 'ordered', version: 3, owner: actor,
    conversation: { id: 'c', type: 'personal', reference: {} }, locale: 'en-US', correlationId: 'corr',
    customer: { id: CONTOSO_ID, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
    lines: [],
    checkout: {
      updateRequestId: 'u', checkoutRequestId: 'k', startedAt: '2026-11-22T00:00:00Z', startedBy: actor,
      attestation: { partnerOfRecord: true, lines: false }, result: { orders },
    },
    createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z',
  };
}

describe('currentUndoOffer: which orders the result card reads for Undo', () => {
  let read: string[];
  const reader = { listSubscriptionsByOrder: async (_ctx: unknown, _customer: string, orderId: string) => {
    read.push(orderId);
    return [];
  } } as unknown as PartnerCenterReader;
  const deps = { reader, now: () => new Date('2026-11-22T00:01:00Z'), log: pino({ level: 'silent' }) };
  beforeEach(() => {
    read = [];
  });

  it('reads the order completed at the checkout at once, and not the one still pending', async () => {
    await currentUndoOffer(deps, placed([order('aaaa00000001', 'completed'), order('bbbb00000002', 'pending')]), []);
    expect(read).toEqual(['aaaa00000001']);
  });

  it('judges each order by its latest read, whatever the checkout answered', async () => {
    const purchase = placed([order('aaaa00000001', 'pending'), order('bbbb00000002', 'pending')]);
    await currentUndoOffer(deps, purchase, [order('BBBB00000002', 'completed')]);
    expect(read.map((id) => id.toLowerCase())).toEqual(['bbbb00000002']);
  });

  it('sends nothing while every order is pending', async () => {
    const offer = await currentUndoOffer(deps, placed([order('aaaa00000001', 'pending'), order('bbbb00000002', 'pending')]), [order('aaaa00000001', 'pending')]);
    expect(offer).toEqual({ kind: 'none' });
    expect(read).toEqual([]);
  });
});
