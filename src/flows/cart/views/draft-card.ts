import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { DraftLine, Purchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { action, refOf } from '../../views/actions';
import { billingLabel, termLabel } from '../../views/format';

function lineDescription(locale: string, line: DraftLine): string {
  const parts = [plainText(line.skuTitle)];
  if (line.termDuration) parts.push(termLabel(locale, line.termDuration));
  parts.push(billingLabel(locale, line.billingCycle));
  const context = Object.entries(line.provisioningContext).map(([k, v]) => plainText(`${k}: ${v}`));
  if (line.friendlyName) parts.push(`“${plainText(line.friendlyName)}”`);
  return displayText([...parts, ...context].join(' · '));
}

/** The cart being built: its lines, and the actions to add, edit, remove and price them. */
export function draftCard(purchase: Purchase, error = ''): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const lines = purchase.lines.map((line) => ({
    text: displayText(t(locale, 'draft.lineSummary', { quantity: line.quantity, product: line.productTitle })),
    detail: lineDescription(locale, line),
  }));
  const actions = [action(t(locale, 'draft.addLine'), 'cart.addLine', ref)];
  if (purchase.lines.length > 0) actions.unshift(action(t(locale, 'draft.review'), 'cart.review', ref, 'positive'));
  actions.push(action(t(locale, 'common.cancel'), 'cart.cancel', ref, 'destructive'));
  return renderCard('cart-draft', {
    title: displayText(t(locale, 'draft.title', { customer: purchase.customer?.name ?? '' })),
    subtitle: purchase.customer?.domain ?? purchase.customer?.id ?? '',
    error,
    lines,
    emptyText: t(locale, 'draft.empty'),
    lineChoiceLabel: t(locale, 'draft.lineChoice'),
    selectedLineId: purchase.lines.length === 1 ? purchase.lines[0].lineId : '',
    lineChoices: purchase.lines.map((line, index) => ({
      title: displayText(`${index + 1}. ${line.quantity} × ${line.productTitle}`),
      value: line.lineId,
    })),
    lineActions: [
      action(t(locale, 'draft.editLine'), 'cart.editLine', ref),
      action(t(locale, 'draft.removeLine'), 'cart.removeLine', ref, 'destructive'),
    ],
    actions,
  });
}
