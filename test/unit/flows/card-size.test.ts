import { t } from '../../../src/i18n/translate';
import { MAX_CARD_BYTES } from '../../../src/cards/card-guard';
import type { CartPurchase } from '../../../src/flows/purchase/purchase';
import { confirmCard } from '../../../src/flows/purchase/views/confirm-card';
import { draftCard } from '../../../src/flows/cart/views/draft-card';
import { previewCard } from '../../../src/flows/cart/views/preview-card';
import { resultCard } from '../../../src/flows/purchase/views/result-card';
import { reviewCard } from '../../../src/flows/cart/views/review-card';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const LINES = 50;
const actor = { aadObjectId: 'a1', tenantId: 't1', name: 'Rita Rep', userId: '29:rep' };

/** A purchase as large as the issue asks cards to carry: 50 priced lines with long names, all ordered. */
function bigPurchase(): CartPurchase {
  const lines = Array.from({ length: LINES }, (_, i) => ({
    lineId: `line-${i}`,
    productId: 'CFQ7TTC0LF8S', productTitle: 'Office 365 E5 (no Teams) with a deliberately long product title',
    skuId: '0001', skuTitle: 'Office 365 E5 without Audio Conferencing', availabilityId: 'CFQ7TTC0VZW5',
    catalogItemId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5', quantity: 300, billingCycle: 'monthly' as const, termDuration: 'P1Y',
    friendlyName: `Department number ${i} licences`, provisioningContext: {}, additionalResellers: ['517285', '5357563'],
    transactionReseller: '5357564',
  }));
  const items = lines.map((l, i) => ({
    id: i, catalogItemId: l.catalogItemId, quantity: l.quantity, billingCycle: 'monthly' as const, termDuration: 'P1Y',
    currencyCode: 'USD', orderGroup: '0', pricing: { listPrice: 30.4, price: 30.4, extendedPrice: 364.8 * l.quantity },
  }));
  return {
    id: '5b0b5a8e-3d55-4a39-9d0c-9b0f7b6d6a11', kind: 'cart', status: 'ordered', version: 7, owner: actor,
    conversation: { id: 'c', type: 'personal', reference: {} }, locale: 'en-US', correlationId: 'corr',
    customer: { id: CONTOSO_ID, name: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
    lines,
    cart: { id: 'c0ffee00-0000-4000-8000-000000000000', expirationTimestamp: '2026-11-29T00:00:00Z', status: 'Ordered', lineItems: items },
    checkout: {
      updateRequestId: 'u', checkoutRequestId: 'k', startedAt: '2026-11-22T00:00:00Z', startedBy: actor,
      attestation: { partnerOfRecord: true, lines: false },
      result: {
        orders: [{
          id: 'a68736758d9c', status: 'pending', currencyCode: 'USD', totalPrice: 5472000,
          lineItems: lines.map((l, i) => ({ lineItemNumber: i, offerId: l.catalogItemId, quantity: l.quantity, friendlyName: l.friendlyName, subscriptionId: '0c353b8e-da9d-4007-d0d4-bca8bd5b5ce1' })),
        }],
      },
    },
    createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z',
  };
}

describe('cards stay within the 28 KB budget with 50 lines', () => {
  const purchase = bigPurchase();
  it.each([
    ['draft', () => draftCard({ ...purchase, status: 'draft' })],
    ['review', () => reviewCard({ ...purchase, status: 'priced' })],
    ['confirm', () => confirmCard({ ...purchase, status: 'priced' }, t('en-US', 'order.confirmSummary', { count: 50, customer: 'Contoso', billing: 'monthly' }))],
    ['result', () => resultCard(purchase)],
    ['preview', () => previewCard({ ...purchase, status: 'priced' })],
  ])('%s card', (_name, build) => {
    const card = build();
    const bytes = Buffer.byteLength(JSON.stringify(card), 'utf8');
    expect(bytes).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
});
