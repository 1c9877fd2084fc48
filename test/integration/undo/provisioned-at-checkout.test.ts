import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { ManualClock } from '../status/manual-clock';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, choicesOf, text, type Card } from '../bot/card-helpers';
import { BUSINESS_BASIC, lineCardForContoso, saveLine, startCart } from '../bot/drive-to-confirmation';

const rep: TeamsUser = { id: '29:at-once-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000051', name: 'Ida Instant', tenantId: 'partner-tenant' };
const OFFICE_365_E5 = 'CFQ7TTC0LF8S';

/**
 * A Partner Center that provisions an order while checking it out: the checkout answers `completed`, with
 * the subscription ids. What the rep sees of the customer's subscriptions (and the end dates to co-term
 * with) follows at once.
 */
describe('orders provisioned at the checkout, and what cards show of the customer afterwards', () => {
  const clock = new ManualClock(new Date());
  const connector = new FakeConnector();
  let sandbox: RunningSandbox;
  let bot: BotUnderTest;
  const seen: Card[] = [];

  beforeAll(async () => {
    await connector.start();
    sandbox = await startSandbox({ port: 0, now: clock.now, provisioningDelayMs: 0 });
    bot = await startBotUnderTest({ sandbox, connector, timer: clock });
  });
  afterAll(async () => {
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
    await sandbox.close();
    await connector.stop();
  });

  const say = async (chat: TeamsConversation, message: string): Promise<Card> => {
    expect(await bot.teams.message(rep, chat, message)).toBe(200);
    const card = bot.connector.cardsIn(chat.id).at(-1)!;
    seen.push(card);
    return card;
  };
  const execute = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
    await bot.app.background.idle();
    seen.push(response.body.value);
    return response.body.value;
  };
  /** The Office 365 E5 subscriptions `add-on` offers to add to (active ones), by id. */
  const addOnBases = async (chat: TeamsConversation): Promise<string[]> => {
    const start = await say(chat, 'add-on');
    const subscriptions = await execute(chat, 'addon.pickCustomer', buttonData(start, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    return [...actionsOf(subscriptions).values()].flatMap((data) => (typeof data['subscriptionId'] === 'string' ? [data['subscriptionId']] : []));
  };
  const undoReads = (since: number) => sandbox.requests.slice(since).filter((r) => r.method === 'GET' && r.path.endsWith('/subscriptions') && r.query['order_id'] !== undefined);

  it('offers Undo on the card of the checkout itself, and "bought before", add-on bases and Undo follow the purchase at once', async () => {
    const chat: TeamsConversation = { id: 'a:at-once-cart', conversationType: 'personal' };
    const click = await startCart(bot, rep, chat);
    const products = await click('cart.searchCustomer', { query: 'Contoso Ltd' });
    expect(text(products)).toContain('Office 365 E5');
    expect(text(products)).not.toContain('Microsoft 365 Business Basic');
    await saveLine(click, await click('cart.searchProduct', { query: BUSINESS_BASIC }), '|P1M|monthly', '2');
    await click('cart.addLine');
    const e5Line = await click('cart.searchProduct', { query: OFFICE_365_E5 });
    await saveLine(click, e5Line, '|P1Y|monthly', '1');
    const review = await click('cart.review');
    const before = sandbox.requests.length;
    const placed = await execute(chat, 'cart.placeOrder', { ...actionsOf(review).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' });
    expect(text(placed)).toContain('Status: completed');
    expect(text(placed)).toContain('Undo until {{DATE(');
    expect(actionsOf(placed).has('purchase.undo')).toBe(true);
    expect(undoReads(before)).toHaveLength(1);

    // The cart read Contoso's subscriptions a moment ago; the new ones are shown all the same.
    expect(text(await say({ id: 'a:at-once-next', conversationType: 'personal' }, 'new cart Contoso Ltd'))).toContain('Microsoft 365 Business Basic');
    const other: TeamsConversation = { id: 'a:at-once-addon', conversationType: 'personal' };
    const bases = await addOnBases(other);
    const purchaseId = String(actionsOf(placed).get('purchase.undo')!['purchaseId']);
    const lines = (await bot.app.purchases.load(purchaseId))!.purchase.checkout!.result!.orders!.flatMap((order) => order.lineItems);
    const bought = lines.find((line) => line.offerId.startsWith(OFFICE_365_E5))!.subscriptionId;
    expect(text(placed)).toContain(`subscription ${bought}`);
    expect(bases).toContain(bought);

    // The new E5's end date is one a new annual line can now co-term with, though the dates were read a moment ago.
    const { commitmentEndDate } = (await (await fetch(`${sandbox.baseUrl}/v1/customers/${CONTOSO_ID}/subscriptions/${bought}`, {
      headers: { Authorization: `Bearer ${sandbox.issueToken()}` },
    })).json()) as { commitmentEndDate: string };
    const alignedWithBought = `P1Y|${commitmentEndDate.slice(0, 10)}`;
    expect(choicesOf(e5Line, 'coterm').map((c) => c.value)).not.toContain(alignedWithBought);
    const { line: nextLine } = await lineCardForContoso(bot, rep, { id: 'a:at-once-coterm', conversationType: 'personal' }, OFFICE_365_E5);
    expect(choicesOf(nextLine, 'coterm').map((c) => c.value)).toContain(alignedWithBought);

    // Undone: the cancelled subscription is no longer offered as a base for an add-on.
    const ask = await execute(chat, 'purchase.undo', actionsOf(placed).get('purchase.undo')!);
    const done = await execute(chat, 'purchase.undoConfirm', actionsOf(ask).get('purchase.undoConfirm')!);
    expect(text([done, bot.connector.cardsIn(chat.id).at(-1)!].find((card) => text(card).includes('Purchase undone'))!)).toMatch(/1 × .+: cancelled/);
    const after = await addOnBases(other);
    expect(after).not.toContain(bought);
    expect(after.length).toBeGreaterThan(0);
  });
});
