import { plainText } from '../../../cards/plain-text';
import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { CartPurchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import { buildCartRequest } from '../../purchase/cart-request';
import { refOf } from '../../views/actions';
import { sharedVerbs } from '../../purchase/shared-verbs';

/**
 * What PowerShell's -WhatIf promises: the requests the confirmation will send, with their bodies. Built
 * from the same pure builder the checkout uses; this module has no client and cannot send anything.
 */
export function previewCard(purchase: CartPurchase): AdaptiveCard {
  const locale = purchase.locale;
  const customerId = purchase.customer?.id ?? '';
  const cartId = purchase.cart?.id ?? '{cartId}';
  const body = buildCartRequest(purchase.lines, { partnerOfRecord: true, lines: true });
  return renderCard('request-preview', {
    title: t(locale, 'preview.title'),
    subtitle: plainText(purchase.customer?.name ?? ''),
    note: t(locale, 'preview.note'),
    requests: [
      { request: `PUT /v1/customers/${customerId}/carts/${cartId}`, body: displayText(compactJson(body)) },
      { request: `POST /v1/customers/${customerId}/carts/${cartId}/checkout`, body: '—' },
    ],
    actions: [sharedVerbs.cartShow.action(t(locale, 'common.back'), refOf(purchase))],
  });
}

/** One line item per row: readable on a phone and small enough for 50 lines within the card budget. */
function compactJson(body: { lineItems: unknown[] } & Record<string, unknown>): string {
  const { lineItems, ...rest } = body;
  const head = Object.entries(rest).map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`);
  const items = lineItems.map((item, index) => `  ${JSON.stringify(item)}${index < lineItems.length - 1 ? ',' : ''}`);
  return ['{', ...head.map((h) => `  ${h}`), '  "lineItems":[', ...items, '  ]', '}'].join('\n');
}
