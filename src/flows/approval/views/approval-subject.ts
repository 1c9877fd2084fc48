import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { cardDateTime } from '../../../i18n/card-time';
import { cartCommitmentTexts, linePriceText } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import { billingLabel, productAndSku, termLabel } from '../../views/format';
import { partnerCenterCart, type DraftLine, type Purchase } from '../../purchase/purchase';
import { purchaseTotals } from '../../purchase/purchase-totals';
import { linePrices, pricedLines } from '../../purchase/priced-lines';

interface ApprovalSubject {
  facts: { title: string; value: string }[];
  lines: { title: string; detail: string }[];
  totals: { text: string }[];
}

/**
 * What the approver is asked to approve: for a cart its lines, each with its price per period, what
 * falls due each period and the whole commitment; for an add-on the subscription it is added to, the
 * add-on, the quantity and the price, or plainly that the price is not known. Ids stay off the card.
 */
export function approvalSubject(purchase: Purchase, locale: string): ApprovalSubject {
  const customer = { title: t(locale, 'approval.fact.customer'), value: plainText(purchase.customer?.name ?? '') };
  const cartFacts = purchase.kind === 'addon' && !purchase.cart
    ? []
    : [{ title: t(locale, 'approval.fact.expires'), value: cardDateTime(partnerCenterCart(purchase)?.expirationTimestamp) }];
  const totals = purchaseTotals(purchase) === undefined
    ? [{ text: displayText(`${t(locale, 'approval.totalUnknownLabel')}: ${t(locale, 'approval.totalUnknown')}`) }]
    : cartCommitmentTexts(locale, linePrices(purchase)).map((text) => ({ text }));
  const lines = pricedLines(purchase).map(({ line, price }) => ({
    title: displayText(purchase.kind === 'addon'
      ? t(locale, 'approval.addOnLine', { quantity: line.quantity, addOn: purchase.addOn.choice?.name ?? line.productTitle })
      : t(locale, 'approval.line', { quantity: line.quantity, product: productAndSku(line.productTitle, line.skuTitle) })),
    detail: displayText(price ? linePriceText(locale, price) : `${termOf(line, locale)} · ${t(locale, purchase.kind === 'addon' ? 'approval.priceUnknown' : 'approval.noPrice')}`),
  }));
  if (purchase.kind !== 'addon') return { facts: [customer, ...cartFacts], lines, totals };
  const addOnFacts = [
    { title: t(locale, 'approval.fact.subscription'), value: plainText(purchase.addOn.base?.name ?? '') },
    { title: t(locale, 'approval.fact.addOn'), value: plainText(purchase.addOn.choice?.name ?? '') },
    { title: t(locale, 'approval.fact.quantity'), value: String(purchase.lines[0]?.quantity ?? '') },
  ];
  return { facts: [customer, ...addOnFacts, ...cartFacts], lines: lines.slice(0, 1), totals };
}

function termOf(line: DraftLine, locale: string): string {
  return [termLabel(locale, line.termDuration), billingLabel(locale, line.billingCycle)].filter(Boolean).join(', ');
}
