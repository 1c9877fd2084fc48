import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { tourOrder } from '../../support/addon-tour';
import { text } from '../bot/card-helpers';
import { APPROVAL_CHANNEL, APPROVER_IDS, personalChat, postsIn, rep } from './approval-world';

/**
 * An order of offers (POST /orders) has no price before it is placed, so with approvals on it always
 * waits for an approver, whatever the threshold: an unknown amount is never "below the limit".
 */
describe('orders of offers under an approval threshold', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '100000', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(() => bot.stop());

  it('waits for an approver and sends nothing to Partner Center', async () => {
    const tour = await tourOrder({ bot, rep, chat: personalChat(rep, 'order-approval'), locale: 'en-US' });
    const placed = tour.find((c) => c.step === 'order-result')!.card;
    expect(text(placed)).toContain('Waiting for approval');
    expect(bot.sandbox.requests.filter((r) => r.method === 'POST' && /\/orders$/.test(r.path))).toEqual([]);
    expect(postsIn(bot, APPROVAL_CHANNEL)).toHaveLength(1);
  });
});
