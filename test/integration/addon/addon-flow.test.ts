import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { orderRef } from '../../../src/flows/views/format';
import { actionsOf, buttonData, buttonTitles, detailTexts, GUID, linksOf, text, textBlocks, visibleTexts, type Card } from '../bot/card-helpers';
import { CONTOSO_E3_ORDER_ID, CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, MARKDOWN_NAME_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:addon-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000001', name: 'Ana Addon', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:addon-other', aadObjectId: 'a0000000-0000-4000-8000-000000000002', name: 'Otto Other', tenantId: 'partner-tenant' };
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
const NCE_ADDON = 'CFQ7TTC0LHWM:0001:CFQ7TTC0LHXN';
const E3_OFFER = '796B6B5F-613C-4E24-A17C-EBA730D49C02';
/** A sandbox customer whose company name is markdown. */

describe('the quick add-on flow (`add-on`)', () => {
  let bot: BotUnderTest;
  const seen: Card[] = [];
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    for (const card of [...seen, ...bot.connector.cardsIn('a:addon-chat'), ...bot.connector.cardsIn('a:addon-nce')]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
    await bot.stop();
  });

  const clicker = (chat: TeamsConversation, user = rep) => async (verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(user, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    seen.push(response.body.value);
    return response.body.value;
  };
  const startCard = async (chat: TeamsConversation) => {
    expect(await bot.teams.message(rep, chat, 'add-on')).toBe(200);
    const cards = bot.connector.cardsIn(chat.id);
    return cards[cards.length - 1];
  };

  it('starts `add-on <customer>` with the search done, and a search with one match moves on by itself', async () => {
    const chat: TeamsConversation = { id: 'a:addon-argument', conversationType: 'personal' };
    expect(await bot.teams.message(rep, chat, 'add-on contoso')).toBe(200);
    const found = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(buttonData(found, 'addon.pickCustomer', 'customerId', CONTOSO_ID)).toBeDefined();
    const subscriptions = await clicker(chat)('addon.searchCustomer', { ...actionsOf(found).get('addon.searchCustomer')!, query: 'Contoso Ltd' });
    expect(text(subscriptions)).toContain('Which subscription?');
    await clicker(chat)('addon.cancel', actionsOf(subscriptions).get('addon.cancel')!);
  });

  it('buys MyAnalytics for Contoso\'s Office 365 E3 in 5 taps, as PATCH of its order, once on a double tap', async () => {
    const chat: TeamsConversation = { id: 'a:addon-chat', conversationType: 'personal' };
    const click = clicker(chat);

    // First time: no recent customer yet, so the rep searches; picking Contoso makes it recent.
    const first = await startCard(chat);
    expect(text(first)).toContain('Add-on: which customer?');
    const found = await click('addon.searchCustomer', { ...actionsOf(first).get('addon.searchCustomer')!, query: 'Contoso' });
    const subscriptionsFirst = await click('addon.pickCustomer', buttonData(found, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    expect(text(subscriptionsFirst)).toContain('Which subscription?');
    await click('addon.cancel', actionsOf(subscriptionsFirst).get('addon.cancel')!);

    // From `add-on` to the result, counting every tap (each button, and the attestation toggle).
    let taps = 0;
    const tap = async (verb: string, data: Record<string, unknown>) => {
      taps += 1;
      return click(verb, data);
    };
    const start = await startCard(chat);
    expect(text(start)).toContain('Recent');
    const subscriptions = await tap('addon.pickCustomer', buttonData(start, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const addOns = await tap('addon.pickSubscription', buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID));
    expect(text(addOns)).toContain('Microsoft MyAnalytics');
    const confirm = await tap('addon.pickAddOn', buttonData(addOns, 'addon.pickAddOn', 'addOnId', MY_ANALYTICS));
    expect(text(confirm)).toContain('Buy Microsoft MyAnalytics');
    const buy = actionsOf(confirm).get('addon.buy')!;

    const unticked = await click('addon.buy', { ...buy, quantity: '1', attest: 'false' });
    expect(text(unticked)).toContain('Tick the attestation');
    expect(bot.sandbox.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);

    taps += 1; // the attestation toggle
    taps += 1; // Buy, tapped twice in a row (a double tap)
    const [one, two] = await Promise.all([
      bot.teams.execute(rep, chat, 'activity-1', 'addon.buy', { ...buy, quantity: '1', attest: 'true' }),
      bot.teams.execute(rep, chat, 'activity-1', 'addon.buy', { ...buy, quantity: '1', attest: 'true' }),
    ]);
    await bot.app.background.idle();
    seen.push(one.body.value, two.body.value);
    expect(taps).toBeLessThanOrEqual(5);

    const patches = bot.sandbox.requests.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/v1/customers/${CONTOSO_ID}/orders/${CONTOSO_E3_ORDER_ID}`);
    expect(patches[0].body).toMatchObject({
      referenceCustomerId: CONTOSO_ID,
      lineItems: [{ lineItemNumber: 0, offerId: MY_ANALYTICS, quantity: 1, friendlyName: 'Microsoft MyAnalytics', parentSubscriptionId: CONTOSO_E3_SUBSCRIPTION_ID }],
    });
    expect(patches[0].headers['ms-requestid']).toMatch(/^[0-9a-f-]{36}$/);
    expect(bot.sandbox.requests.some((r) => r.method === 'POST' && r.path.endsWith('/orders'))).toBe(false);

    const result = [one.body.value, two.body.value].find((card) => text(card).includes('Order placed for Contoso Ltd'))!;
    expect(result).toBeDefined();
    expect(text(result)).toContain(`Order ${CONTOSO_E3_ORDER_ID}`);
    // What was bought, in words; the order and the new subscription's ids under "Details", no GUID in sight.
    expect(visibleTexts(result)).toContain('Added 1 × Microsoft MyAnalytics to Office 365 Enterprise E3');
    expect(visibleTexts(result).join(' ')).not.toMatch(GUID);
    expect(detailTexts(result)).toContain(`Order ${CONTOSO_E3_ORDER_ID}`);
    expect(detailTexts(result).join('\n')).toMatch(/Microsoft MyAnalytics: subscription [0-9a-f-]{36}/);
    expect(linksOf(result)).toEqual([{ title: 'Open in Partner Center', url: `https://partner.microsoft.com/dashboard/commerce2/customers/${CONTOSO_ID}/orders` }]);
    expect(actionsOf(result).get('status.show')).toMatchObject({ orderId: CONTOSO_E3_ORDER_ID });

    // A late repeat of the same click is answered with the outcome, not a second order.
    const late = await click('addon.buy', { ...buy, quantity: '1', attest: 'true' });
    expect(text(late)).toContain('Order placed for Contoso Ltd');
    expect(bot.sandbox.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);

    // The Status button lists the order's subscriptions; the E3 one opens the add-on flow on itself.
    const status = await click('status.show', actionsOf(result).get('status.show')!);
    expect(text(status)).toContain(`Order ${CONTOSO_E3_ORDER_ID}`);
    expect(visibleTexts(status)).toContain('Subscription: active');
    expect(visibleTexts(status).join(' ')).not.toMatch(GUID);
    expect(visibleTexts(status)).toContain(`Order ${orderRef(CONTOSO_E3_ORDER_ID)}`);
    expect(detailTexts(status)).toContain(`Office 365 Enterprise E3: subscription ${CONTOSO_E3_SUBSCRIPTION_ID}`);
    const again = await click('addon.forSubscription', buttonData(status, 'addon.forSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID));
    expect(text(again)).toContain('Which add-on?');
    expect(text(again)).toContain('Microsoft MyAnalytics');
  });

  it('refuses another person\'s clicks and answers stale ones with the card as it stands', async () => {
    const chat: TeamsConversation = { id: 'a:addon-chat', conversationType: 'personal' };
    const start = await startCard(chat);
    const subscriptions = await clicker(chat)('addon.pickCustomer', buttonData(start, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const pick = buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID);

    const intruder = await clicker(chat, other)('addon.pickSubscription', pick);
    expect(text(intruder)).toContain('Only they can change it');

    await clicker(chat)('addon.pickSubscription', pick);
    const stale = await clicker(chat)('addon.cancel', actionsOf(subscriptions).get('addon.cancel')!);
    expect(text(stale)).toContain('Which add-on?');
  });

  it('buys a new-commerce add-on as a cart line co-terminated with its base subscription', async () => {
    const chat: TeamsConversation = { id: 'a:addon-nce', conversationType: 'personal' };
    const click = clicker(chat);
    const base = (await (await fetch(`${bot.sandbox.baseUrl}/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`, { headers: { Authorization: `Bearer ${bot.sandbox.issueToken()}` } })).json()) as { commitmentEndDate: string };

    const start = await startCard(chat);
    const subscriptions = await click('addon.pickCustomer', buttonData(start, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const addOns = await click('addon.pickSubscription', buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID));
    expect(text(addOns)).toContain('Office 365 Extra File Storage (per GB)');
    expect(text(addOns)).not.toContain('MyAnalytics');
    const confirm = await click('addon.pickAddOn', buttonData(addOns, 'addon.pickAddOn', 'addOnId', NCE_ADDON));
    expect(text(confirm)).toContain('Ends with the subscription on');

    const created = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts'));
    expect(created).toHaveLength(1);
    const endDate = `${base.commitmentEndDate.slice(0, 10)}T00:00:00Z`;
    expect(created[0].body).toMatchObject({ lineItems: [{ catalogItemId: NCE_ADDON, termDuration: 'P1Y', customTermEndDate: endDate }] });

    expect(text(confirm)).toContain('$0.20 per licence per month · 1-year term · $2.40 for the term');

    // 50 instead of the 1 it was priced for: Partner Center prices 50 first, and nothing is bought yet.
    const repriced = await click('addon.buy', { ...actionsOf(confirm).get('addon.buy')!, quantity: '50', attest: 'true' });
    expect(text(repriced)).toContain('$0.20 per licence per month · 1-year term · $120.00 for the term');
    expect(text(repriced)).toContain('Partner Center priced 50: check the total, then tap Buy again.');
    const [repricing] = bot.sandbox.requests.filter((r) => r.method === 'PUT');
    expect(repricing?.body).toMatchObject({ lineItems: [{ catalogItemId: NCE_ADDON, quantity: 50, customTermEndDate: endDate }] });
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(0);

    const result = await click('addon.buy', { ...actionsOf(repriced).get('addon.buy')!, quantity: '50', attest: 'true' });
    await bot.app.background.idle();
    expect(text(result)).toContain('Order placed for Contoso Ltd');
    // The add-on's own price with its period, for the 50 licences bought: not the base subscription's order.
    expect(visibleTexts(result).find((line) => line.startsWith('Added 50 × '))).toMatch(/^Added 50 × .+ to .+ — \$[\d.,]+ per licence per (month|year) · .*term · \$[\d.,]+ for the term$/);
    const put = bot.sandbox.requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.body).toMatchObject({
      partnerOnRecordAttestationAccepted: true,
      lineItems: [{ catalogItemId: NCE_ADDON, quantity: 50, customTermEndDate: endDate }],
    });
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);
  });

  it('shows a subscription name with markdown characters as it is on its button, and escaped only where Teams renders markdown', async () => {
    // The customer named their E3 subscription themselves, outside the bot (Partner Center keeps friendlyName as given).
    const name = '**Main** _E3_ [HQ]';
    const ordered = await fetch(`${bot.sandbox.baseUrl}/v1/customers/${MARKDOWN_NAME_ID}/orders`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${bot.sandbox.issueToken('app+user')}` },
      body: JSON.stringify({ billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: E3_OFFER, quantity: 2, friendlyName: name }] }),
    });
    expect(ordered.status).toBe(201);
    // Partner Center provisions the subscription a while after the order (the sandbox: one minute of its clock).
    await fetch(`${bot.sandbox.baseUrl}/_sandbox/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMs: 61_000 }) });

    const chat: TeamsConversation = { id: 'a:addon-hostile', conversationType: 'personal' };
    const click = clicker(chat);
    // `add-on <customer>` with one match moves on by itself to that customer's subscriptions.
    expect(await bot.teams.message(rep, chat, 'add-on **bold')).toBe(200);
    const subscriptions = bot.connector.cardsIn(chat.id).at(-1)!;
    seen.push(subscriptions);
    expect(buttonTitles(subscriptions, 'addon.pickSubscription')).toEqual([`${name} · 2 licences`]);
    expect(textBlocks(subscriptions)).toContain('\\*\\*bold\\*\\* \\_italic\\_ Ltd');
    const addOns = await click('addon.pickSubscription', actionsOf(subscriptions).get('addon.pickSubscription')!);
    expect(textBlocks(addOns).join('\n')).toContain('\\*\\*Main\\*\\* \\_E3\\_ \\[HQ\\]');
    expect(buttonTitles(addOns, 'addon.pickAddOn')).toContain('Microsoft MyAnalytics');

    // Now a recent customer: the next `add-on` offers it as a one-tap row, its name as typed.
    expect(await bot.teams.message(rep, chat, 'add-on')).toBe(200);
    const recent = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(buttonTitles(recent, 'addon.pickCustomer')).toContain('**bold** _italic_ Ltd');
    expect(buttonData(recent, 'addon.pickCustomer', 'customerId', MARKDOWN_NAME_ID)).toBeDefined();
  });
});
