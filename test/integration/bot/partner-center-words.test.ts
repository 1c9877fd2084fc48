import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { choicesOf, text } from './card-helpers';
import { lineCardForContoso } from './drive-to-confirmation';

const rep: TeamsUser = { id: '29:rep', aadObjectId: 'aaaaaaaa-1111-4aaa-8aaa-aaaaaaaaaaaa', name: 'Rita Rep', tenantId: 'partner-tenant' };
const PERPETUAL_SOFTWARE = 'DG7GMGF0DWTL';

/** A line error the bot has no text of its own for is shown in Partner Center's words, with its code. */
describe('a cart line error with a code the bot has no text for', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  it('shows Partner Center’s errorDescription next to the code on the review card', async () => {
    const chat: TeamsConversation = { id: 'a:personal-pc-words', conversationType: 'personal' };
    const { click, line } = await lineCardForContoso(bot, rep, chat, PERPETUAL_SOFTWARE);
    const offer = choicesOf(line, 'offer')[0]!.value;
    // Perpetual software cannot carry a custom term end date: Partner Center answers line error 10016.
    await click('cart.saveLine', { offer, quantity: '1', customTermEndDate: '2031-01-31' });
    const review = await click('cart.review');
    expect(text(review)).toContain(
      'Code 10016: Partner Center says: “Line item 0: custom term end dates apply only to license-based new-commerce products.”',
    );
  });
});
