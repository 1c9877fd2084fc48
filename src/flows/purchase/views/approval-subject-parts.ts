import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { cardDateTime } from '../../../i18n/card-time';
import { cartCommitmentTexts, linePriceText, type PricedLine } from '../../../i18n/prices';
import { t } from '../../../i18n/translate';
import { billingLabel, productAndSku, termLabel } from '../../views/format';
import { partnerCenterCart, type DraftLine, type Purchase } from '../purchase';
import type { CurrencyTotal } from '../priced-cart';
import { pricedLines } from '../priced-lines';

/** What the approver is asked to approve, as the approval card's template takes it. Ids stay off the card. */
export interface ApprovalSubject {
  facts: { title: string; value: string }[];
  lines: { title: string; detail: string }[];
  totals: { text: string }[];
  /** The approve button's label when approving does something other than order (a seat change). */
  approveLabel?: string;
}

export function customerFact(purchase: Purchase, locale: string): ApprovalSubject['facts'][number] {
  return { title: t(locale, 'approval.fact.customer'), value: plainText(purchase.customer?.name ?? '') };
}

/** When the Partner Center cart behind the purchase expires (an approval after that cannot be checked out). */
/**
 * When Partner Center drops the cart: what an approver must decide before. Once the request is decided
 * (approved, rejected, expired, withdrawn) nobody can act on it any more, so the card no longer says it.
 */
export function cartExpiryFacts(purchase: Purchase, locale: string): ApprovalSubject['facts'] {
  const cart = partnerCenterCart(purchase);
  if (!cart || purchase.approval?.decision) return [];
  return [{ title: t(locale, 'approval.fact.expires'), value: cardDateTime(cart.expirationTimestamp) }];
}

/** What falls due each period and the whole commitment; or, for an unknown total, `unknown` in words. */
export function approvalTotals(locale: string, totals: CurrencyTotal[] | undefined, prices: readonly PricedLine[], unknown: string): ApprovalSubject['totals'] {
  if (totals === undefined) return [{ text: displayText(`${t(locale, 'approval.totalUnknownLabel')}: ${unknown}`) }];
  return cartCommitmentTexts(locale, prices).map((text) => ({ text }));
}

/** "1-year term, billed monthly": what a line without a price still says about its money. */
export function termOf(line: DraftLine, locale: string): string {
  return [termLabel(locale, line.termDuration), billingLabel(locale, line.billingCycle)].filter(Boolean).join(', ');
}

/**
 * A cart's or an order's subject: its lines, each with its price per period, what falls due each period
 * and the whole commitment, or plainly that a price is not known yet.
 */
export function linesApprovalSubject(purchase: Purchase, locale: string, totals: CurrencyTotal[] | undefined, prices: readonly PricedLine[]): ApprovalSubject {
  const lines = pricedLines(purchase).map(({ line, price }) => ({
    title: displayText(t(locale, 'approval.line', { quantity: line.quantity, product: productAndSku(line.productTitle, line.skuTitle) })),
    detail: displayText(price ? linePriceText(locale, price) : `${termOf(line, locale)} · ${t(locale, 'approval.noPrice')}`),
  }));
  return {
    facts: [customerFact(purchase, locale), ...cartExpiryFacts(purchase, locale)],
    lines,
    totals: approvalTotals(locale, totals, prices, t(locale, 'approval.totalUnknownLines')),
  };
}
