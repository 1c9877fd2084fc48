import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { DraftLine, Purchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { action, refOf } from '../../views/actions';
import { billingLabel, termLabel } from '../../views/format';

export function lineDescription(locale: string, line: DraftLine): string {
  const parts = [plainText(line.skuTitle)];
  if (line.termDuration) parts.push(termLabel(locale, line.termDuration));
  parts.push(billingLabel(locale, line.billingCycle));
  const context = Object.entries(line.provisioningContext).map(([k, v]) => plainText(`${k}: ${v}`));
  if (line.friendlyName) parts.push(`“${plainText(line.friendlyName)}”`);
  return displayText([...parts, ...context].join(' · '));
}

/**
 * Lines that get their own Edit and Remove buttons. A larger cart (up to 50 lines) would not fit Teams'
 * 28 KB card with two buttons per line, so it keeps one line choice with Edit and Remove under it.
 */
const LINES_WITH_BUTTONS = 10;

/** The cart being built: its lines, each with Edit and Remove, Undo for the line just removed, and pricing. */
export function draftCard(purchase: Purchase, error = ''): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const perLine = purchase.lines.length <= LINES_WITH_BUTTONS;
  const lineActions = (line: { lineId: string } | Record<string, never>) => [
    action(t(locale, 'draft.editLine'), 'cart.editLine', { ...ref, ...line }),
    action(t(locale, 'draft.removeLine'), 'cart.removeLine', { ...ref, ...line }, 'destructive'),
  ];
  const lines = purchase.lines.map((line) => ({
    text: displayText(t(locale, 'draft.lineSummary', { quantity: line.quantity, product: line.productTitle })),
    detail: lineDescription(locale, line),
    actions: perLine ? lineActions({ lineId: line.lineId }) : [],
  }));
  const removed = purchase.removedLine?.line;
  const actions = [action(t(locale, 'draft.addLine'), 'cart.addLine', ref)];
  if (purchase.lines.length > 0) actions.unshift(action(t(locale, 'draft.review'), 'cart.review', ref, 'positive'));
  actions.push(action(t(locale, 'common.cancel'), 'cart.cancel', ref, 'destructive'));
  return renderCard('cart-draft', {
    title: displayText(t(locale, 'draft.title', { customer: purchase.customer?.name ?? '' })),
    subtitle: purchase.customer?.domain ?? purchase.customer?.id ?? '',
    error,
    undo: {
      text: removed ? displayText(t(locale, 'draft.removed', { quantity: removed.quantity, product: removed.productTitle })) : '',
      action: action(t(locale, 'draft.undo'), 'cart.undoRemove', ref),
    },
    lines,
    emptyText: t(locale, 'draft.empty'),
    lineChoiceLabel: t(locale, 'draft.lineChoice'),
    selectedLineId: '',
    lineChoices: perLine ? [] : purchase.lines.map((line, index) => ({
      title: displayText(`${index + 1}. ${line.quantity} × ${line.productTitle}`),
      value: line.lineId,
    })),
    // Under the line choice, the chosen line travels as the input `lineId`.
    lineActions: lineActions({}),
    actions,
  });
}
