/** What result, status and approval cards add for a rep: what was bought, what to do next, the Details toggle. */
export const resultsEnUS = {
  'result.details': 'Details',
  'result.openInPartnerCenter': 'Open in Partner Center',
  'result.customerAccount': 'Customer account',
  'result.buyAgain': 'Buy again',
  'result.addOnAdded': 'Added {quantity} × {addOn} to {base}',
  'result.addOnAddedPrice': 'Added {quantity} × {addOn} to {base} — {price}',
  'result.detail.order': 'Order {orderId}',
  'result.detail.subscription': '{offer}: subscription {id}',
  'result.detail.cart': 'Partner Center cart {cartId}',
  'result.detail.purchase': 'Purchase {id} · correlation id {correlationId}',
  'result.next.13605': '{customer} has not accepted the Microsoft Customer Agreement, and Partner Center sells nothing to them until they do. Ask their admin to accept it (Partner Center shows the acceptance link on the customer\'s account), then start the purchase again: trying again before that is refused the same way.',
  'result.next.900124': 'Your company has not accepted the Microsoft Partner Agreement. A Partner Center admin has to accept it before anything can be bought; trying again before that is refused the same way.',
} as const;
