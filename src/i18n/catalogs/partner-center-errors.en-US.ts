/**
 * User-facing explanations of Partner Center failures. `pc.<code>` explains a Partner Center error code
 * (error-codes.md), `pc.<kind>` a failure without a known code, `pc.line.<code>` a cart line error shown
 * on the review card. Owned by the client layer (src/partner-center/error-messages.ts picks the key).
 */
export const partnerCenterErrorsEnUS = {
  'pc.format': '{message} ({detail})',

  'pc.unknown': 'Partner Center could not complete the request.',
  'pc.described': 'Partner Center says: “{description}”',
  'pc.throttled': 'Partner Center is receiving too many requests right now. Wait a minute and try again.',
  'pc.mfa': 'Partner Center requires multi-factor authentication for this account. Ask an admin to reconnect the bot with an MFA sign-in.',
  'pc.auth': 'The bot is not allowed to do this in Partner Center. Ask an admin to check its permissions.',
  'pc.transient': 'Partner Center is temporarily unavailable. Try again in a few minutes.',
  'pc.not_found': 'Partner Center could not find what you asked for. It may have been removed.',
  'pc.network': 'The bot could not reach Partner Center. Try again in a few minutes.',
  'pc.timeout': 'Partner Center took too long to answer. Check the order history before trying again.',
  'pc.invalid_response': 'Partner Center sent an answer the bot did not understand.',

  'pc.800002': 'Partner Center rejected the request as invalid.',
  'pc.800009': 'Some items in the cart have errors. Fix or remove them and try again.',
  'pc.400019': 'The offer changed in the meantime. Refresh the cart and try again.',
  'pc.400039': 'The selected term is not available for this product.',
  'pc.900203': 'This product requires you to accept its attestation before buying.',
  'pc.900206': 'The partner-of-record attestation is missing. Confirm it and try again.',
  'pc.13605': 'The customer has not accepted the Microsoft Customer Agreement. Get their acceptance before buying.',
  'pc.20002': 'You do not have a reseller relationship with this customer.',
  'pc.900121': 'The order exceeds your available credit limit. Contact Microsoft partner support.',
  'pc.900124': 'Your company has not accepted the Microsoft Partner Agreement.',
  'pc.800060': 'An order is already in progress. Check the order history in a few minutes.',
  'pc.800064': 'This cart is already being checked out. Check the order history in a few minutes.',
  'pc.800065': 'This cart has already been checked out.',
  'pc.800008': 'The cart no longer exists or has expired. Start a new cart.',
  'pc.60003': 'Partner Center does not know this customer. Check the customer and try again.',
  'pc.800069': 'The order did not pass the Microsoft risk check.',
  'pc.900242': 'The chosen end date does not match another subscription or the end of a calendar month.',
  'pc.900329': 'This Partner Center operation needs a signed-in partner user, not only the app.',

  'pc.900117': 'The cancellation window for this subscription has closed, so it can no longer be cancelled. You can still turn auto-renew off so that it ends with its term.',
  'pc.900214': 'The window for reducing these seats has closed. You can still schedule fewer seats for the renewal, or turn auto-renew off.',
  'pc.800090': 'Partner Center does not allow fewer seats on this subscription. You can turn auto-renew off so that it ends with its term.',
  'pc.900275': 'The new number of seats is outside the range Partner Center allows for this product. Choose another number.',
  'pc.900278': 'Another change to this subscription is still being processed. Try again after 24 hours.',
  'pc.900311': 'This subscription has been changed too many times for now. Try again later.',
  'pc.changed_meanwhile': 'This subscription was changed by someone else since it was shown. Check its current seats and try again.',

  'pc.line.unknown': 'This item cannot be bought as entered.',
  'pc.line.10001': 'This product is not available for purchase.',
  'pc.line.400039': 'The selected term is not available for this product.',
  'pc.line.900270': 'The billing frequency cannot be longer than the term.',
  'pc.line.900275': 'The quantity is outside the allowed range for this product.',
  'pc.line.10010': 'Some details of this item are invalid (for example, more than five additional resellers).',
  'pc.line.10012': 'This product requires you to accept its attestation.',
  'pc.line.10014': 'The promotion is not valid for this item.',
  'pc.line.10015': 'The quantity exceeds the maximum seats allowed per subscription.',
  'pc.line.10017': 'The custom end date is not valid for this item.',
  'pc.line.400041': 'This add-on needs a compatible base subscription that the customer does not have.',
} as const;
