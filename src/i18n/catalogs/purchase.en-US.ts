/** Texts of the purchase engine shared by every kind: the rep's open purchase of a conversation. */
export const purchaseEnUS = {
  'openPurchase.kind.cart': 'cart',
  'openPurchase.kind.addon': 'add-on',
  'openPurchase.kind.order': 'order',
  'openPurchase.kind.seats': 'seat change',
  'openPurchase.what': '{kind} for {customer}',
  'openPurchase.here': 'Your open purchase in this chat is the {what}: carry on from its card, or type **cancel** to drop it.',
  'openPurchase.superseded.title': 'You have a newer purchase here',
  'openPurchase.superseded.text': 'You started the {what} after this {kind}. One purchase is open per chat: finish or cancel the {what} (type **cancel**), then this {kind} can be changed again. Nothing was changed.',
} as const;
