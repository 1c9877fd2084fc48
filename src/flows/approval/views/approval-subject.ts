import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { t } from '../../../i18n/translate';
import { billingLabel, dateTime, money, productAndSku, termLabel } from '../../views/format';
import { partnerCenterCart, type AddOnPurchase, type DraftLine, type Purchase } from '../../purchase/purchase';
import { purchaseTotals } from '../../purchase/purchase-totals';

export interface ApprovalSubject {
  facts: { title: string; value: string }[];
  lines: { title: string; detail: string }[];
  totals: { label: string; value: string }[];
}

/**
 * What the approver is asked to approve: for a cart its lines and totals; for an add-on the subscription
 * it is added to, the add-on, the quantity and the price, or plainly that the price is not known.
 */
export function approvalSubject(purchase: Purchase, locale: string): ApprovalSubject {
  const customer = { title: t(locale, 'approval.fact.customer'), value: plainText(purchase.customer?.name ?? '') };
  const cartFacts = purchase.kind === 'addon' && !purchase.cart
    ? []
    : [
        { title: t(locale, 'approval.fact.cart'), value: partnerCenterCart(purchase)?.id ?? '' },
        { title: t(locale, 'approval.fact.expires'), value: dateTime(locale, partnerCenterCart(purchase)?.expirationTimestamp) },
      ];
  const totals = purchaseTotals(purchase);
  const totalRows = totals === undefined
    ? [{ label: t(locale, 'approval.totalUnknownLabel'), value: t(locale, 'approval.totalUnknown') }]
    : totals.map((total) => ({ label: t(locale, 'approval.total', { currency: total.currency }), value: money(locale, total.amount, total.currency) }));
  if (purchase.kind !== 'addon') return { facts: [customer, ...cartFacts], lines: cartLines(purchase, locale), totals: totalRows };
  const line = purchase.lines[0];
  const addOnFacts = [
    { title: t(locale, 'approval.fact.subscription'), value: plainText(purchase.addOn.base?.name ?? '') },
    { title: t(locale, 'approval.fact.addOn'), value: plainText(purchase.addOn.choice?.name ?? '') },
    { title: t(locale, 'approval.fact.quantity'), value: String(line?.quantity ?? '') },
  ];
  return { facts: [customer, ...addOnFacts, ...cartFacts], lines: line ? [addOnLine(purchase, line, totals, locale)] : [], totals: totalRows };
}

function termOf(line: DraftLine, locale: string): string {
  return [termLabel(locale, line.termDuration), billingLabel(locale, line.billingCycle)].filter(Boolean).join(', ');
}

function cartLines(purchase: Purchase, locale: string): ApprovalSubject['lines'] {
  const items = partnerCenterCart(purchase)?.lineItems ?? [];
  return purchase.lines.map((line, index) => {
    const item = items.find((i) => i.id === index) ?? items[index];
    const currency = item?.currencyCode ?? 'USD';
    const unit = item?.pricing?.price ?? item?.pricing?.listPrice;
    const term = termOf(line, locale);
    return {
      title: displayText(t(locale, 'approval.line', { quantity: line.quantity, product: productAndSku(line.productTitle, line.skuTitle) })),
      detail: unit === undefined || unit === null
        ? displayText(`${term} · ${t(locale, 'approval.noPrice')}`)
        : displayText(t(locale, 'approval.linePrice', {
            term, unit: money(locale, unit, currency), extended: money(locale, item?.pricing?.extendedPrice ?? unit * line.quantity, currency),
          })),
    };
  });
}

/** The add-on's one line: its price per billing period and the total for the quantity asked for. */
function addOnLine(purchase: AddOnPurchase, line: DraftLine, totals: ReturnType<typeof purchaseTotals>, locale: string): ApprovalSubject['lines'][number] {
  const item = partnerCenterCart(purchase)?.lineItems[0];
  const unit = item?.pricing?.price ?? item?.pricing?.listPrice;
  const term = termOf(line, locale);
  const title = displayText(t(locale, 'approval.addOnLine', { quantity: line.quantity, addOn: purchase.addOn.choice?.name ?? line.productTitle }));
  if (unit === undefined || unit === null || !totals?.[0]) return { title, detail: displayText(`${term} · ${t(locale, 'approval.priceUnknown')}`) };
  const currency = totals[0].currency;
  return {
    title,
    detail: displayText(t(locale, 'approval.linePrice', { term, unit: money(locale, unit, currency), extended: money(locale, totals[0].amount, currency) })),
  };
}
