import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { linePriceText } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import type { AddOnPurchase } from '../../purchase/purchase';
import { addOnTotals } from '../../purchase/purchase-totals';
import { linePrices, pricedLines } from '../../purchase/priced-lines';
import {
  approvalTotals, cartExpiryFacts, customerFact, termOf, type ApprovalSubject,
} from '../../purchase/views/approval-subject-parts';

/**
 * An add-on's approval: the subscription it is added to, the add-on, the quantity and the price, or
 * plainly that the price is not known (a legacy add-on has no cart, so no cart expiry either).
 */
export function addOnApprovalSubject(purchase: AddOnPurchase, locale: string): ApprovalSubject {
  const addOnFacts = [
    { title: t(locale, 'approval.fact.subscription'), value: plainText(purchase.addOn.base?.name ?? '') },
    { title: t(locale, 'approval.fact.addOn'), value: plainText(purchase.addOn.choice?.name ?? '') },
    { title: t(locale, 'approval.fact.quantity'), value: String(purchase.lines[0]?.quantity ?? '') },
  ];
  const lines = pricedLines(purchase).slice(0, 1).map(({ line, price }) => ({
    title: displayText(t(locale, 'approval.addOnLine', { quantity: line.quantity, addOn: purchase.addOn.choice?.name ?? line.productTitle })),
    detail: displayText(price ? linePriceText(locale, price) : `${termOf(line, locale)} · ${t(locale, 'approval.priceUnknown')}`),
  }));
  return {
    facts: [customerFact(purchase, locale), ...addOnFacts, ...cartExpiryFacts(purchase, locale)],
    lines,
    totals: approvalTotals(locale, addOnTotals(purchase), linePrices(purchase), t(locale, 'approval.totalUnknown')),
  };
}
