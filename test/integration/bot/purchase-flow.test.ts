import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, choicesOf, text, type Card } from './card-helpers';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:other', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Olaf Other', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-chat-1', conversationType: 'personal' };
const E5 = 'CFQ7TTC0LF8S';

describe('a rep buys through the cart conversation (personal chat, Action.Execute)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('goes from "new cart" to a placed order with one checkout and the attestation on the wire', async () => {
    expect(await bot.teams.message(rep, chat, 'new cart')).toBe(200);
    const [customerCard] = bot.connector.cardsIn(chat.id);
    const start = actionsOf(customerCard).get('cart.searchCustomer')!;
    const cardId = 'activity-1';

    const seen: Card[] = [customerCard];
    const click = async (verb: string, data: Record<string, unknown>, user = rep) => {
      const response = await bot.teams.execute(user, chat, cardId, verb, data);
      expect(response.status).toBe(200);
      expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
      seen.push(response.body.value);
      return response.body.value;
    };

    const found = await click('cart.searchCustomer', { ...start, query: 'Contoso' });
    const contoso = buttonData(found, 'cart.pickCustomer', 'customerId', CONTOSO_ID);

    const products = await click('cart.pickCustomer', contoso);
    expect(text(products)).toContain('Contoso Ltd');
    const e5Found = await click('cart.searchProduct', { ...actionsOf(products).get('cart.searchProduct')!, query: 'E5' });
    const e5 = buttonData(e5Found, 'cart.pickProduct', 'choice', E5);

    const lineCard = await click('cart.pickProduct', e5);
    const offers = choicesOf(lineCard, 'offer');
    const yearlyMonthly = offers.find((o) => o.value.includes('|P1Y|monthly'))!;
    expect(yearlyMonthly).toBeDefined();

    const refused = await click('cart.saveLine', { ...actionsOf(lineCard).get('cart.saveLine')!, offer: yearlyMonthly.value, quantity: 'ten' });
    expect(text(refused)).toContain('Enter a whole number');
    expect(text(refused)).toContain('"value":"ten"');

    const draft = await click('cart.saveLine', { ...actionsOf(lineCard).get('cart.saveLine')!, offer: yearlyMonthly.value, quantity: '3', friendlyName: 'Sales team' });
    expect(text(draft)).toContain('3 × Office 365 E5');
    expect(bot.sandbox.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);

    const review = await click('cart.review', actionsOf(draft).get('cart.review')!);
    expect(text(review)).toMatch(/Partner Center cart [0-9a-f-]{36}/);
    const creates = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts'));
    expect(creates).toHaveLength(1);
    expect(bot.sandbox.requests.some((r) => r.path.endsWith('/checkout'))).toBe(false);

    const preview = await click('cart.showRequest', actionsOf(review).get('cart.showRequest')!);
    expect(text(preview)).toContain('partnerOnRecordAttestationAccepted');
    expect(bot.sandbox.requests.filter((r) => r.method === 'PUT')).toHaveLength(0);

    // The review is the confirmation: the attestation is ticked and the order placed there.
    const place = actionsOf(review).get('cart.placeOrder')!;

    const unticked = await click('cart.placeOrder', { ...place, attestPartnerOfRecord: 'false' });
    expect(text(unticked)).toContain('Tick the attestation');
    expect(bot.sandbox.requests.some((r) => r.path.endsWith('/checkout'))).toBe(false);

    const [first, second] = await Promise.all([
      bot.teams.execute(rep, chat, cardId, 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' }),
      bot.teams.execute(rep, chat, cardId, 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' }),
    ]);
    await bot.app.background.idle();
    const outcomes = [text(first.body.value), text(second.body.value)];
    expect(outcomes.some((o) => o.includes('Order placed for Contoso Ltd'))).toBe(true);

    const checkouts = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/checkout'));
    expect(checkouts).toHaveLength(1);
    const put = bot.sandbox.requests.find((r) => r.method === 'PUT')!;
    expect(put.body).toMatchObject({
      partnerOnRecordAttestationAccepted: true,
      lineItems: [{ catalogItemId: expect.stringMatching(/^CFQ7TTC0LF8S:/), quantity: 3, termDuration: 'P1Y', billingCycle: 'monthly', friendlyName: 'Sales team' }],
    });

    const stale = await click('cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' });
    expect(text(stale)).toContain('Order placed for Contoso Ltd');
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);

    const intruder = await click('cart.cancel', { ...place }, other);
    expect(text(intruder)).toContain('Not your cart');

    for (const card of [...seen, ...bot.connector.cardsIn(chat.id)]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(card.version).toBe('1.5');
    }
  });

  it('speaks Polish to a rep whose Teams client is in Polish', async () => {
    const polishChat: TeamsConversation = { id: 'a:personal-pl', conversationType: 'personal' };
    expect(await bot.teams.message(rep, polishChat, 'new cart', 'pl-PL')).toBe(200);
    const [card] = bot.connector.cardsIn(polishChat.id);
    expect(text(card)).toContain('Nowy koszyk: wybierz klienta');
    expect(text(card)).toContain('Anuluj');
  });
});
