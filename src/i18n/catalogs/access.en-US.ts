/** Texts of the access gate (who may use the bot) and of the per-user limits. */
export const accessEnUS = {
  'access.refused.title': 'You cannot use Partner Cart here',
  'access.refused.tenant': 'Partner Cart buys with this partner\'s Partner Center account, so only the partner\'s own staff can use it. If you think you should have access, ask the partner\'s Teams administrator.',
  'access.refused.guest': 'Guests of this organisation cannot use Partner Cart. If you think you should have access, ask the partner\'s Teams administrator.',
  'access.refused.notRep': 'Only the partner\'s sales reps can start or place purchases. You can still use status and pending; ask your administrator to add you as a rep.',
  'access.refused.notAdmin': 'This is a tool for the partner\'s Partner Cart administrators (the approvers). To buy, type **new cart**: it finds products by name.',
  'access.refused.channel': 'Partner Cart works only in Microsoft Teams, signed in with your work account.',
  'access.slowDown.title': 'Slow down a little',
  'access.slowDown.text': 'You asked for {what} many times in a short while. Partner Center limits how often the partner may call it, so wait about {seconds} seconds and try again.',
  'access.slowDown.search': 'customer searches',
  'access.slowDown.draft': 'new purchases',
  'limit.refused.title': 'This purchase is over the partner\'s limit',
  'limit.refused.over': 'Its total of {amount} is above the limit of {limit} per purchase set for Partner Cart. Nothing was bought; make the cart smaller or ask your administrator.',
  'limit.refused.noLimit': 'No purchase limit is set for {currency}, so Partner Cart cannot buy in that currency. Nothing was bought; ask your administrator.',
  'limit.refused.unknownTotal': 'Partner Center gave no price for part of this purchase, so it cannot be checked against the partner\'s purchase limit. Nothing was bought.',
} as const;
