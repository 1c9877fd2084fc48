import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, buttonData, text, type Card } from './card-helpers';
import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:number-rep', aadObjectId: 'a0000000-0000-4000-8000-0000000000b7', name: 'Nina Number', tenantId: 'partner-tenant' };
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';

/**
 * Teams posts an Input.Number as text; other Adaptive Card hosts post a JSON number. Both are a quantity:
 * neither may end in "The card sent something I cannot use".
 */
describe('a quantity posted as a JSON number', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  const clicker = (chat: TeamsConversation) => async (verb: string, data: Record<string, unknown>): Promise<Card> => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    return response.body.value as Card;
  };
  const command = async (chat: TeamsConversation, line: string): Promise<Card> => {
    expect(await bot.teams.message(rep, chat, line)).toBe(200);
    const cards = bot.connector.cardsIn(chat.id);
    return cards[cards.length - 1]!;
  };

  it('reviews a seat change to 20 sent as the number 20, and refuses 20.5 as a quantity, not as an unusable card', async () => {
    const chat: TeamsConversation = { id: 'a:number-seats', conversationType: 'personal' };
    const click = clicker(chat);
    const found = await command(chat, 'seats Contoso');
    const subscriptions = await click('seats.pickCustomer', buttonData(found, 'seats.pickCustomer', 'customerId', CONTOSO_ID));
    const quantityCard = await click('seats.pickSubscription', buttonData(subscriptions, 'seats.pickSubscription', 'subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID));
    const review = actionsOf(quantityCard).get('seats.review')!;

    const fraction = await click('seats.review', { ...review, quantity: 20.5 });
    expect(text(fraction)).not.toContain('cannot use');
    expect(text(fraction)).toContain('Type a whole number of licences');

    const reviewed = await click('seats.review', { ...review, quantity: 20 });
    expect(text(reviewed)).not.toContain('cannot use');
    expect(text(reviewed)).toContain('15 → 20 licences');
  });

  it('buys 2 × MyAnalytics sent as the number 2', async () => {
    const chat: TeamsConversation = { id: 'a:number-addon', conversationType: 'personal' };
    const click = clicker(chat);
    const start = await command(chat, 'add-on');
    const found = await click('addon.searchCustomer', { ...actionsOf(start).get('addon.searchCustomer')!, query: 'Contoso' });
    const subscriptions = await click('addon.pickCustomer', buttonData(found, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const addOns = await click('addon.pickSubscription', buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID));
    const confirm = await click('addon.pickAddOn', buttonData(addOns, 'addon.pickAddOn', 'addOnId', MY_ANALYTICS));

    const bought = await click('addon.buy', { ...actionsOf(confirm).get('addon.buy')!, quantity: 2, attest: 'true' });
    await bot.app.background.idle();
    expect(text(bought)).not.toContain('cannot use');
    const patch = bot.sandbox.requests.find((r) => r.method === 'PATCH');
    expect(JSON.stringify(patch?.body)).toContain('"quantity":2');
  });
});
