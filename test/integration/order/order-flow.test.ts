import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, choicesOf, text, type Card } from '../bot/card-helpers';
import { clicksOn } from '../bot/drive-to-confirmation';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:order-rep', aadObjectId: 'c0000000-0000-4000-8000-000000000001', name: 'Olga Order', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:order-chat', conversationType: 'personal' };
/** New-PartnerCustomerOrder example 1: Office 365 Business Premium. */
const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';

describe('an order of offers with a billing cycle (`new order`, New-PartnerCustomerOrder parity)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
    bot = await startBotUnderTest({ env: { APPROVER_IDS: rep.aadObjectId } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('places the seed\'s legacy order with BillingCycle Monthly through the cart confirmation, once', async () => {
    const seen: Card[] = [];
    const click = async (verb: string, data: Record<string, unknown>) => {
      const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
      seen.push(response.body.value);
      return response.body.value;
    };
    await bot.teams.message(rep, chat, 'new order');
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(text(start)).toContain('New order: which customer?');
    const found = await click('order.searchCustomer', { ...actionsOf(start).get('order.searchCustomer')!, query: 'Contoso' });
    expect(text(found)).toContain(`"customerId":"${CONTOSO_ID}"`);
    const draft = await click('order.pickCustomer', { ...actionsOf(found).get('order.pickCustomer')!, customerId: CONTOSO_ID });
    expect(text(draft)).toContain('Order for Contoso Ltd');
    expect(choicesOf(draft, 'billingCycle').map((c) => c.value)).toEqual(['monthly', 'annual', 'none']);

    const add = actionsOf(draft).get('order.addLine')!;
    const addOn = await click('order.addLine', { ...add, offerId: MY_ANALYTICS, quantity: '1', billingCycle: 'monthly' });
    expect(text(addOn)).toContain('is an add-on');
    const unknown = await click('order.addLine', { ...add, offerId: 'NOT-AN-OFFER-1', quantity: '1', billingCycle: 'monthly' });
    expect(text(unknown)).toContain('knows no offer NOT-AN-OFFER-1');
    const withLine = await click('order.addLine', { ...add, offerId: BUSINESS_PREMIUM, quantity: '1', billingCycle: 'monthly' });
    expect(text(withLine)).toContain('1 × Office 365 Business Premium');

    const trial = await click('order.review', { ...actionsOf(withLine).get('order.review')!, billingCycle: 'none' });
    expect(text(trial)).toContain('cannot be billed that way: Office 365 Business Premium');
    const review = await click('order.review', { ...actionsOf(withLine).get('order.review')!, billingCycle: 'monthly' });
    expect(text(review)).toContain(`POST /v1/customers/${CONTOSO_ID}/orders`);
    expect(bot.sandbox.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);

    const confirm = await click('cart.confirm', actionsOf(review).get('cart.confirm')!);
    expect(text(confirm)).toContain('1 offer for Contoso Ltd, billed monthly');
    const place = { ...actionsOf(confirm).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' };
    const [one, two] = await Promise.all([click('cart.placeOrder', place), click('cart.placeOrder', place)]);
    await bot.app.background.idle();

    const posts = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${CONTOSO_ID}/orders`);
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: BUSINESS_PREMIUM, quantity: 1, friendlyName: 'Office 365 Business Premium' }],
      partnerOnRecordAttestationAccepted: true,
    });
    expect(bot.sandbox.requests.some((r) => r.path.includes('/carts'))).toBe(false);

    const result = [one, two].find((card) => text(card).includes('Order placed for Contoso Ltd'))!;
    expect(text(result)).toMatch(/Order [0-9A-F-]{36}/);
    expect(text(result)).toContain('Status: pending');
    expect(text(result)).toContain('1 × Office 365 Business Premium: subscription being provisioned');
    expect(text(result)).toContain('Ordered by Olga Order');
    expect(actionsOf(result).has('status.show')).toBe(true);

    for (const card of [...seen, ...bot.connector.cardsIn(chat.id)]) expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('explains a refused order on the result card', async () => {
    bot.sandbox.knobs.set({ businessFault: { code: 900121, status: 400, on: 'order' } });
    const other: TeamsConversation = { id: 'a:order-refused', conversationType: 'personal' };
    await bot.teams.message(rep, other, 'new order');
    const click = clicksOn(bot, rep, other, bot.connector.cardsIn(other.id).at(-1)!, 'activity-9');
    await click('order.pickCustomer', { customerId: CONTOSO_ID });
    await click('order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '3', billingCycle: 'annual' });
    await click('order.review', { billingCycle: 'annual' });
    await click('cart.confirm');
    const result = await click('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    expect(text(result)).toContain('Order not placed for Contoso Ltd');
    expect(text(result)).toContain('900121');
    expect(actionsOf(result).has('order.edit')).toBe(true);
    expect(adaptiveCardProblems(result)).toEqual([]);
  });
});
