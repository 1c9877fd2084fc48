import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { CartPurchase, DraftLine } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { refOf } from '../../views/actions';
import { billingLabel, termLabel } from '../../views/format';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { cartVerbs } from '../cart-verbs';

function lineDescription(locale: string, line: DraftLine): string {
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
export function draftCard(purchase: CartPurchase, error = ''): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const perLine = purchase.lines.length <= LINES_WITH_BUTTONS;
  const lineActions = (line: { lineId: string } | Record<string, never>) => [
    cartVerbs.editLine.action(t(locale, 'draft.editLine'), { ...ref, ...line }),
    cartVerbs.removeLine.action(t(locale, 'draft.removeLine'), { ...ref, ...line }, 'destructive'),
  ];
  const lines = purchase.lines.map((line) => ({
    text: displayText(t(locale, 'draft.lineSummary', { quantity: line.quantity, product: line.productTitle })),
    detail: lineDescription(locale, line),
    actions: perLine ? lineActions({ lineId: line.lineId }) : [],
  }));
  const removed = purchase.removedLine?.line;
  const actions = [cartVerbs.addLine.action(t(locale, 'draft.addLine'), ref)];
  if (purchase.lines.length > 0) actions.unshift(sharedVerbs.cartReview.action(t(locale, 'draft.review'), ref, 'positive'));
  actions.push(sharedVerbs.cartCancel.action(t(locale, 'common.cancel'), ref, 'destructive'));
  return renderCard('cart-draft', {
    title: displayText(t(locale, 'draft.title', { customer: purchase.customer?.name ?? '' })),
    subtitle: purchase.customer?.domain ?? purchase.customer?.id ?? '',
    error,
    undo: {
      text: removed ? displayText(t(locale, 'draft.removed', { quantity: removed.quantity, product: removed.productTitle })) : '',
      action: cartVerbs.undoRemove.action(t(locale, 'draft.undo'), ref),
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
