import { loadConfig } from '../../../src/config';
import { approvalPolicy, needsApproval, purchaseLimitExceeded } from '../../../src/flows/purchase/approval-policy';
import type { Purchase } from '../../../src/flows/purchase/purchase';
import { pricedCartTotals } from '../../../src/flows/purchase/purchase-totals';
import { cartSchema } from '../../../src/partner-center/schemas';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const APPROVER = '66666666-6666-4666-8666-666666666666';

/** A priced cart with one line per [currency, full-term amount or null for "no price"]. */
function cartPurchase(lines: [string, number | null][]): Purchase {
  const cart = cartSchema.parse({
    id: 'cart-1',
    lineItems: lines.map(([currencyCode, extendedPrice], id) => ({
      id, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0LHXW', quantity: 1, billingCycle: 'monthly', currencyCode,
      pricing: extendedPrice === null ? undefined : { extendedPrice },
    })),
  });
  return {
    id: '5b0b5a8e-3d55-4a39-9d0c-9b0f7b6d6a11', kind: 'cart', status: 'priced', version: 1, locale: 'en-US', correlationId: 'c', lines: [],
    owner: { aadObjectId: 'a', tenantId: 't', name: 'Rita', userId: '29:r' }, conversation: { id: 'c', type: 'personal', reference: {} },
    customer: { id: CONTOSO_ID, name: 'Contoso Ltd' }, cart,
    createdAt: '2026-11-22T00:00:00Z', updatedAt: '2026-11-22T00:00:00Z',
  };
}

/** What the approval policy compares: the cart's totals as the cart kind says them. */
const cartTotalsOf = (lines: [string, number | null][]) => pricedCartTotals(cartPurchase(lines));

const policyFrom = (env: Record<string, string>) => approvalPolicy(loadConfig({ APPROVER_IDS: APPROVER, ...env }).approvals);

describe('APPROVAL_THRESHOLD', () => {
  it('still takes one amount for every currency', () => {
    const policy = policyFrom({ APPROVAL_THRESHOLD: '5000' });
    expect(needsApproval(policy, cartTotalsOf([['USD', 4999.99]]))).toBe(false);
    expect(needsApproval(policy, cartTotalsOf([['EUR', 5000]]))).toBe(true);
  });

  it('takes an amount per currency, and sends a currency without one to an approver', () => {
    const policy = policyFrom({ APPROVAL_THRESHOLD: 'USD:5000, eur:4600' });
    expect(needsApproval(policy, cartTotalsOf([['USD', 4700]]))).toBe(false);
    expect(needsApproval(policy, cartTotalsOf([['EUR', 4700]]))).toBe(true);
    expect(needsApproval(policy, cartTotalsOf([['GBP', 1]]))).toBe(true);
  });

  it('treats a line without a price as an unknown total, which needs an approver (not as 0)', () => {
    const policy = policyFrom({ APPROVAL_THRESHOLD: '5000' });
    expect(needsApproval(policy, cartTotalsOf([['USD', 10], ['USD', null]]))).toBe(true);
  });

  it('keeps 0 meaning every purchase', () => {
    expect(needsApproval(policyFrom({ APPROVAL_THRESHOLD: '0' }), cartTotalsOf([['USD', 0.01]]))).toBe(true);
  });
});

describe('PURCHASE_LIMIT', () => {
  it('refuses a total above the limit of its currency, naming both', () => {
    const policy = policyFrom({ PURCHASE_LIMIT: 'USD:10000,EUR:9000' });
    expect(purchaseLimitExceeded(policy, cartTotalsOf([['USD', 10000]]))).toBeUndefined();
    expect(purchaseLimitExceeded(policy, cartTotalsOf([['EUR', 9000.01]]))).toEqual({ kind: 'over', currency: 'EUR', amount: 9000.01, limit: 9000 });
  });

  it('refuses a currency it names no limit for', () => {
    expect(purchaseLimitExceeded(policyFrom({ PURCHASE_LIMIT: 'USD:10000' }), cartTotalsOf([['GBP', 1]]))).toEqual({ kind: 'no_limit', currency: 'GBP' });
  });

  it('refuses an unknown total when no approver could look at it, and leaves it to the approver otherwise', () => {
    const unknown = cartTotalsOf([['USD', null]]);
    expect(purchaseLimitExceeded(policyFrom({ PURCHASE_LIMIT: '10000' }), unknown)).toEqual({ kind: 'unknown_total' });
    expect(purchaseLimitExceeded(policyFrom({ PURCHASE_LIMIT: '10000', APPROVAL_THRESHOLD: '5000' }), unknown)).toBeUndefined();
  });
});

describe('amounts in the environment', () => {
  it.each([['lots'], ['USD:'], ['USD:5000,USD:6000'], ['5000,EUR:4600'], ['US:100'], ['-5']])('refuses %s, naming the variable', (value) => {
    expect(() => loadConfig({ APPROVAL_THRESHOLD: value, APPROVER_IDS: APPROVER })).toThrow(/APPROVAL_THRESHOLD: expected an amount such as 1000/);
    expect(() => loadConfig({ PURCHASE_LIMIT: value })).toThrow(/PURCHASE_LIMIT: expected an amount such as 1000/);
  });
});
