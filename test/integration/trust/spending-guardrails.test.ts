import { t } from '../../../src/i18n/translate';
import { text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { partnerCenterWrites } from '../hostile/observed-state';
import { driveToConfirmation, placeOrderData } from '../scale/drive-purchase';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: PARTNER_TENANT };
const APPROVER = '66666666-6666-4666-8666-666666666666';

/** Drives a USD cart (2 × Microsoft 365 Business Basic, one month) to "Place order" and clicks it. */
async function placeUsdCart(bot: BotUnderTest, conversation: TeamsConversation) {
  const confirmation = await driveToConfirmation([bot.teams], bot.connector, rep, conversation);
  const writesBefore = partnerCenterWrites(bot).length;
  const answer = await bot.teams.execute(rep, conversation, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
  await bot.app.background.idle();
  const { purchase } = (await bot.app.purchases.load(confirmation.purchaseId))!;
  return { card: answer.body.value, purchase, writes: partnerCenterWrites(bot).slice(writesBefore) };
}

describe('spending guardrails over HTTP', () => {
  it('refuses a purchase above PURCHASE_LIMIT outright, with the reason, before anything is bought', async () => {
    const bot = await startBotUnderTest({ env: { PURCHASE_LIMIT: 'USD:10' } });
    try {
      const { card, purchase, writes } = await placeUsdCart(bot, { id: 'a:limit', conversationType: 'personal' });
      expect(text(card)).toContain(t('en-US', 'limit.refused.title'));
      expect(text(card)).toMatch(/above the limit of \$10\.00 per purchase/);
      expect(writes).toEqual([]);
      expect(purchase.status).toBe('priced');
      const refusals = (await bot.app.audit.listFor({ purchaseId: purchase.id })).filter((r) => r.action === 'purchase.overLimit');
      expect(refusals).toEqual([expect.objectContaining({ outcome: 'denied', details: expect.objectContaining({ kind: 'over', currency: 'USD', limit: 10 }) })]);
    } finally {
      await bot.stop();
    }
  });

  it('sends a purchase in a currency without a threshold to an approver', async () => {
    const bot = await startBotUnderTest({ env: { APPROVER_IDS: APPROVER, APPROVAL_THRESHOLD: 'EUR:100000' } });
    try {
      const { purchase, writes } = await placeUsdCart(bot, { id: 'a:threshold', conversationType: 'personal' });
      expect(purchase.status).toBe('awaiting_approval');
      expect(writes).toEqual([]);
    } finally {
      await bot.stop();
    }
  });

  it('still buys within both', async () => {
    const bot = await startBotUnderTest({ env: { APPROVER_IDS: APPROVER, APPROVAL_THRESHOLD: 'USD:100000', PURCHASE_LIMIT: 'USD:200000' } });
    try {
      const { purchase, writes } = await placeUsdCart(bot, { id: 'a:within', conversationType: 'personal' });
      expect(purchase.status).toBe('ordered');
      expect(writes.some((w) => w.endsWith('/checkout'))).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});
