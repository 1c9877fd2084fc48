import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { cartTotals } from '../priced-cart';
import { action, refOf } from '../../views/actions';
import { billingLabel, money, productAndSku } from '../../views/format';

interface ConfirmErrors {
  attestation?: string;
  lines?: string;
  general?: string;
}

/** The attestation step: nothing is ordered unless the partner-of-record (and any SKU) attestation is ticked. */
export function confirmCard(purchase: Purchase, errors: ConfirmErrors = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const total = cartTotals(purchase).map((x) => money(locale, x.amount, x.currency)).join(' + ');
  const attestedLines = purchase.lines.filter((line) => line.attestationType);
  return renderCard('cart-confirm', {
    title: t(locale, 'confirm.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    summary: displayText(purchase.kind === 'order'
      ? t(locale, 'order.confirmSummary', { count: purchase.lines.length, customer: purchase.customer?.name ?? '', billing: billingLabel(locale, purchase.order?.billingCycle ?? 'monthly') })
      : t(locale, 'confirm.summary', { count: purchase.lines.length, customer: purchase.customer?.name ?? '', total })),
    error: errors.general ?? '',
    attestationLabel: t(locale, 'confirm.attestationLabel'),
    attestationText: t(locale, 'confirm.attestationText'),
    attestationError: errors.attestation ?? '',
    lineAttestationLabel: t(locale, 'confirm.lineAttestationLabel'),
    lineAttestationText: t(locale, 'confirm.lineAttestationText'),
    lineAttestationError: errors.lines ?? '',
    lineAttestations: attestedLines.map((line) => ({ text: displayText(`${plainText(productAndSku(line.productTitle, line.skuTitle))} (${line.attestationType})`) })),
    actions: [
      action(t(locale, 'confirm.placeOrder'), 'cart.placeOrder', ref, 'positive'),
      action(t(locale, 'common.back'), 'cart.show', ref),
      action(t(locale, 'common.cancel'), 'cart.cancel', ref, 'destructive'),
    ],
  });
}
