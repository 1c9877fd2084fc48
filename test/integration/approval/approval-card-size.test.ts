import { MAX_CARD_BYTES } from '../../../src/cards/card-guard';
import type { WithApproval } from '../../../src/flows/approval/approval-cards';
import { approvalCard, type ApprovalView } from '../../../src/flows/approval/views/approval-card';
import { pendingCard } from '../../../src/flows/approval/views/pending-card';
import { purchaseKinds } from '../../../src/purchase-kinds';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep = { aadObjectId: '11111111-1111-4111-8111-111111111111', tenantId: 'partner-tenant', name: 'Rita Rep', userId: '29:rep' };
const approver = { aadObjectId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', tenantId: 'distributor-tenant', name: 'Bruno Distributor', userId: '29:bruno' };
const LINES = 50;

/** A request as large as a cart gets: 50 priced lines with long names, in both languages. */
function bigRequest(locale: string, decided: boolean): WithApproval {
  const lines = Array.from({ length: LINES }, (_, i) => ({
    lineId: `line-${i}`, productId: 'CFQ7TTC0LF8S', productTitle: 'Office 365 E5 (no Teams) with a deliberately long product title',
    skuId: '0001', skuTitle: 'Office 365 E5 without Audio Conferencing', catalogItemId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5', quantity: 300,
    billingCycle: 'monthly' as const, termDuration: 'P1Y', provisioningContext: {}, additionalResellers: [],
  }));
  const purchase: WithApproval = {
    id: '5b0b5a8e-3d55-4a39-9d0c-9b0f7b6d6a11', kind: 'cart', status: decided ? 'priced' : 'awaiting_approval', version: 9, owner: rep,
    conversation: { id: 'a:chat', type: 'personal', reference: {} }, locale, correlationId: 'c', lines,
    customer: { id: CONTOSO_ID, name: 'Contoso Ltd' },
    cart: {
      id: 'c0ffee00-0000-4000-8000-000000000000', expirationTimestamp: '2099-01-01T00:00:00Z', status: 'Active',
      lineItems: lines.map((l, i) => ({ id: i, catalogItemId: l.catalogItemId, quantity: 300, billingCycle: 'monthly' as const, currencyCode: 'USD', pricing: { price: 30.4, extendedPrice: 109440 } })),
    },
    approval: {
      requestId: '0f0e0d0c-0b0a-4908-8706-050403020100', requestedBy: rep, requestedAt: '2026-11-22T10:00:00Z',
      attestation: { partnerOfRecord: true, lines: false }, threshold: 0,
      decision: decided ? { outcome: 'rejected', by: approver, at: '2026-11-22T11:00:00Z', reason: 'x'.repeat(500) } : undefined,
    },
    createdAt: '2026-11-22T09:00:00Z', updatedAt: '2026-11-22T10:00:00Z',
  };
  return purchase;
}

describe('approval cards stay valid and within the 28 KB budget with 50 lines', () => {
  const views: ApprovalView[] = ['approver', 'everyone', 'requester'];
  it.each(['en-US', 'pl-PL'].flatMap((locale) => views.flatMap((view) => [[locale, view, false], [locale, view, true]] as const)))(
    '%s %s view (decided: %s)',
    (locale, view, decided) => {
      const card = approvalCard(bigRequest(locale, decided), {
        view, locale, now: new Date('2026-11-23T00:00:00Z'), kinds: purchaseKinds, banner: 'banner', refresh: { userIds: Array.from({ length: 60 }, (_, i) => `29:user-${i}`) },
      });
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
      expect(adaptiveCardProblems(card)).toEqual([]);
    },
  );

  it('the pending list shows the oldest 15 of many', () => {
    const waiting = Array.from({ length: 40 }, () => bigRequest('pl-PL', false));
    const card = pendingCard('pl-PL', waiting, purchaseKinds);
    expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('40 zakupów czeka na zatwierdzenie. Pokazano najstarsze 15 z 40.');
  });
});
