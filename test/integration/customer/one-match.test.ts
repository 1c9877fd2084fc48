import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, buttonTitles, text, type Card } from '../bot/card-helpers';
import { CONTOSO_E3_ORDER_ID, CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID, FABRIKAM_ID } from '../../../src/sandbox/data/seed-ids';

/** Microsoft MyAnalytics, a legacy add-on of Office 365 E3. */
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';

/** `new order` is an admin's: the rep is also an approver (no APPROVAL_THRESHOLD, so nothing waits for one). */
const rep: TeamsUser = { id: '29:one-match-rep', aadObjectId: 'd0000000-0000-4000-8000-0000000000d1', name: 'Mona Match', tenantId: 'partner-tenant' };

/** The value the card's search field shows. */
function searchFieldValue(card: Card): unknown {
  let value: unknown;
  JSON.stringify(card, (_key, v: unknown) => {
    const element = v as Record<string, unknown> | null;
    if (element && typeof element === 'object' && element.type === 'Input.Text' && element.id === 'query') value = element.value;
    return v;
  });
  return value;
}

/**
 * Every flow's customer step moves on by itself when a search finds exactly one customer (Fabrikam Inc),
 * as the cart's does: `add-on <customer>`, `seats <customer>`, and the search on the add-on, seats and
 * order cards. Two matches (Contoso Ltd, Contoso Pharmaceuticals) stay one-tap rows; none says so and
 * keeps what was typed.
 */
describe('a customer search with one match moves on by itself, in every flow', () => {
  let bot: BotUnderTest;
  const seen: Card[] = [];
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: rep.aadObjectId } });
  });
  afterAll(async () => {
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
  });

  const say = async (chat: TeamsConversation, words: string): Promise<Card> => {
    expect(await bot.teams.message(rep, chat, words)).toBe(200);
    const card = bot.connector.cardsIn(chat.id).at(-1)!;
    seen.push(card);
    return card;
  };
  const click = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    seen.push(response.body.value);
    return response.body.value;
  };
  const purchaseOf = async (card: Card, verb: string) => (await bot.app.purchases.load(String(actionsOf(card).get(verb)!['purchaseId'])))!.purchase;

  describe.each([
    { command: 'add-on', prefix: 'addon', next: 'Which subscription?', nextVerb: 'addon.pickSubscription', kind: 'addon' },
    { command: 'seats', prefix: 'seats', next: 'Which subscription?', nextVerb: 'seats.pickSubscription', kind: 'seats' },
  ])('`$command`', ({ command, prefix, next, nextVerb, kind }) => {
    const chat = (name: string): TeamsConversation => ({ id: `a:one-match-${command}-${name}`, conversationType: 'personal' });

    it(`\`${command} <customer>\` with one match goes straight on to the customer's subscriptions`, async () => {
      const card = await say(chat('command'), `${command} fabrikam`);
      expect(text(card)).toContain(next);
      expect(text(card)).toContain('Fabrikam Inc');
      expect(actionsOf(card).has(`${prefix}.pickCustomer`)).toBe(false);
      const purchase = await purchaseOf(card, `${prefix}.cancel`);
      expect(purchase.kind).toBe(kind);
      expect(purchase.customer?.id).toBe(FABRIKAM_ID);
      // The customer is now one of the rep's recent ones: the next start offers it as a one-tap row.
      expect(buttonData(await say(chat('again'), command), `${prefix}.pickCustomer`, 'customerId', FABRIKAM_ID)).toBeDefined();
    });

    it(`\`${command} <customer>\` with two matches shows both as rows, and the card's search with one match moves on`, async () => {
      const here = chat('rows');
      const found = await say(here, `${command} contoso`);
      expect(buttonTitles(found, `${prefix}.pickCustomer`)).toEqual(['Contoso Ltd (contoso.onmicrosoft.com)', 'Contoso Pharmaceuticals (contosopharma.onmicrosoft.com)']);
      expect(buttonData(found, `${prefix}.pickCustomer`, 'customerId', CONTOSO_ID)).toBeDefined();
      expect((await purchaseOf(found, `${prefix}.cancel`)).customer).toBeUndefined();

      const moved = await click(here, `${prefix}.searchCustomer`, { ...actionsOf(found).get(`${prefix}.searchCustomer`)!, query: 'Contoso Ltd' });
      expect(text(moved)).toContain(next);
      expect(actionsOf(moved).has(nextVerb)).toBe(true);
      expect((await purchaseOf(moved, `${prefix}.cancel`)).customer?.id).toBe(CONTOSO_ID);
    });

    it(`\`${command} <customer>\` with no match says so, keeps the text and the search field`, async () => {
      const here = chat('none');
      const none = await say(here, `${command} zzzz nobody`);
      expect(text(none)).toContain('No customer matches \\"zzzz nobody\\"');
      expect(searchFieldValue(none)).toBe('zzzz nobody');
      expect(actionsOf(none).has(`${prefix}.pickCustomer`)).toBe(false);
      // The purchase waits on its customer step: a corrected search carries on from the same card.
      const fixed = await click(here, `${prefix}.searchCustomer`, { ...actionsOf(none).get(`${prefix}.searchCustomer`)!, query: 'Fabrikam' });
      expect(text(fixed)).toContain(next);
    });
  });

  it('buys an add-on from `add-on contoso ltd` in four taps: its subscription, the add-on, the attestation, Buy', async () => {
    const chat: TeamsConversation = { id: 'a:one-match-addon-taps', conversationType: 'personal' };
    let taps = 0;
    const tap = (verb: string, data: Record<string, unknown>) => {
      taps += 1;
      return click(chat, verb, data);
    };
    const subscriptions = await say(chat, 'add-on contoso ltd');
    const addOns = await tap('addon.pickSubscription', buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID));
    const confirm = await tap('addon.pickAddOn', buttonData(addOns, 'addon.pickAddOn', 'addOnId', MY_ANALYTICS));
    taps += 1; // the attestation toggle
    const bought = await tap('addon.buy', { ...actionsOf(confirm).get('addon.buy')!, quantity: '1', attest: 'true' });
    await bot.app.background.idle();
    expect(text(bought)).toMatch(/Placing the order|Order placed for Contoso Ltd/);
    expect(taps).toBe(4);
    expect(bot.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path === `/v1/customers/${CONTOSO_ID}/orders/${CONTOSO_E3_ORDER_ID}`)).toHaveLength(1);
  });

  it("`new order`: the card's search with one match opens the order for that customer; two are rows; none says so", async () => {
    const chat: TeamsConversation = { id: 'a:one-match-order', conversationType: 'personal' };
    const start = await say(chat, 'new order');
    expect(text(start)).toContain('New order: which customer?');
    const search = actionsOf(start).get('order.searchCustomer')!;

    const none = await click(chat, 'order.searchCustomer', { ...search, query: 'zzzz nobody' });
    expect(text(none)).toContain('No customer matches \\"zzzz nobody\\"');
    expect(searchFieldValue(none)).toBe('zzzz nobody');

    const rows = await click(chat, 'order.searchCustomer', { ...search, query: 'Contoso' });
    expect(buttonTitles(rows, 'order.pickCustomer')).toHaveLength(2);

    const draft = await click(chat, 'order.searchCustomer', { ...search, query: 'Fabrikam' });
    expect(text(draft)).toContain('Order for Fabrikam Inc');
    expect(actionsOf(draft).has('order.addLine')).toBe(true);
    const purchase = (await bot.app.purchases.load(String(search['purchaseId'])))!.purchase;
    expect(purchase.customer?.id).toBe(FABRIKAM_ID);
    expect(purchase.version).toBe(1);
  });
});
