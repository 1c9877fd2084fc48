import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { Purchase } from '../purchase';
import type { AdaptiveCard } from '../../ports';
import { refOf } from '../../views/actions';
import { productAndSku } from '../../views/format';
import { sharedVerbs } from '../shared-verbs';

/** What a refused "Place order" lacked, shown next to the attestation it concerns. */
export interface ConfirmErrors {
  attestation?: string;
  lines?: string;
  general?: string;
}

/**
 * The attestation step of a kind that has no priced review to place the order from (an order of offers):
 * nothing is ordered unless the partner-of-record (and any SKU) attestation is ticked. `summary` is the
 * kind's own sentence of what is ordered.
 */
export function confirmCard(purchase: Purchase, summary: string, errors: ConfirmErrors = {}): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  return renderCard('cart-confirm', {
    title: t(locale, 'confirm.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    summary: displayText(summary),
    error: errors.general ?? '',
    ...attestationView(purchase, errors),
    actions: [
      sharedVerbs.cartPlaceOrder.action(t(locale, 'confirm.placeOrder'), ref, 'positive'),
      sharedVerbs.cartShow.action(t(locale, 'common.back'), ref),
      sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'),
    ],
  });
}

/** The attestation toggles' texts and messages: the same on every card that places an order. */
export function attestationView(purchase: Purchase, errors: ConfirmErrors) {
  const locale = purchase.locale;
  const attestedLines = purchase.lines.filter((line) => line.attestationType);
  return {
    attestationLabel: t(locale, 'confirm.attestationLabel'),
    attestationText: t(locale, 'confirm.attestationText'),
    attestationError: errors.attestation ?? '',
    lineAttestationLabel: t(locale, 'confirm.lineAttestationLabel'),
    lineAttestationText: t(locale, 'confirm.lineAttestationText'),
    lineAttestationError: errors.lines ?? '',
    lineAttestations: attestedLines.map((line) => ({ text: displayText(`${plainText(productAndSku(line.productTitle, line.skuTitle))} (${line.attestationType})`) })),
  };
}
