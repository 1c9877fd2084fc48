/** Texts of the access gate (who may use the bot) and of the per-user limits. */
export const accessEnUS = {
  'access.refused.title': 'You cannot use Partner Cart here',
  'access.refused.tenant': 'Partner Cart buys with this partner\'s Partner Center account, so only the partner\'s own staff can use it. If you think you should have access, ask the partner\'s Teams administrator.',
  'access.refused.guest': 'Guests of this organisation cannot use Partner Cart. If you think you should have access, ask the partner\'s Teams administrator.',
  'access.refused.notRep': 'Only the partner\'s sales reps can start or place purchases. You can still use status and pending; ask your administrator to add you as a rep.',
  'access.refused.channel': 'Partner Cart works only in Microsoft Teams, signed in with your work account.',
  'access.slowDown.title': 'Slow down a little',
  'access.slowDown.text': 'You asked for {what} many times in a short while. Partner Center limits how often the partner may call it, so wait about {seconds} seconds and try again.',
  'access.slowDown.search': 'customer searches',
  'access.slowDown.draft': 'new purchases',
} as const;
