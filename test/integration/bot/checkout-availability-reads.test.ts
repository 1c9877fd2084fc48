import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { text } from './card-helpers';
import { draftForContoso, startCart } from './drive-to-confirmation';
import { PRICED_CART_FRESH_MS } from '../../../src/flows/purchase/checkout-run';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };

/** GETs of one availability by id, the re-read before checkout (the line card lists them without an id). */
function availabilityReads(bot: BotUnderTest): number {
  return bot.sandbox.requests.filter((r) => r.method === 'GET' && /\/availabilities\/[^/]+$/.test(r.path)).length;
}

describe('the availability re-read before checkout', () => {
  let bot: BotUnderTest;
  let skewMs = 0;
  beforeAll(async () => {
    bot = await startBotUnderTest({ now: () => new Date(Date.now() + skewMs) });
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function orderAfter(conversation: TeamsConversation, pricedAgoMs: number): Promise<{ reads: number; outcome: string }> {
    skewMs = 0;
    const click = await startCart(bot, rep, conversation);
    await draftForContoso(click);
    await click('cart.review');
    skewMs = pricedAgoMs;
    const before = availabilityReads(bot);
    const placed = await click('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    return { reads: availabilityReads(bot) - before, outcome: text(placed) };
  }

  it('is left out for a cart Partner Center priced moments ago: the cart took those availability ids', async () => {
    const { reads, outcome } = await orderAfter({ id: 'a:fresh-cart', conversationType: 'personal' }, 0);
    expect(outcome).toContain('Order placed for Contoso Ltd');
    expect(reads).toBe(0);
  });

  it('is made when the cart was priced longer ago (an approval, a rep who left the card open)', async () => {
    const { reads, outcome } = await orderAfter({ id: 'a:older-cart', conversationType: 'personal' }, PRICED_CART_FRESH_MS + 1_000);
    expect(outcome).toContain('Order placed for Contoso Ltd');
    expect(reads).toBe(1);
  });
});
