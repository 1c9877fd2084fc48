import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, text, type Card } from '../bot/card-helpers';
import { draftForContoso, saveLine, startCart } from '../bot/drive-to-confirmation';
import { asRecord, SandboxClient } from '../sandbox/sandbox-client';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:undo-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000041', name: 'Una Undo', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:undo-other', aadObjectId: 'a0000000-0000-4000-8000-000000000042', name: 'Otto Other', tenantId: 'partner-tenant' };
const DAY = 24 * 60 * 60 * 1000;
/** Partner Center creates the subscriptions a while after the order (the sandbox: one minute of its clock). */
const PROVISIONED_AFTER_MS = 61_000;
/** A new-commerce add-on of Office 365 E5, bought as a one-line cart. */
const NCE_ADDON = 'CFQ7TTC0LHWM:0001:CFQ7TTC0LHXN';
const OFFICE_365_E5 = 'CFQ7TTC0LF8S';

describe('Undo on the result of a placed purchase (cart, add-on)', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  let sandbox: SandboxClient;
  const seen: Card[] = [];

  beforeAll(async () => {
    world = await startClockedWorld();
    // `new order` is for admins (a rep who is also an approver); without APPROVAL_THRESHOLD nothing waits for approval.
    bot = await startBotUnderTest({ sandbox: world.sandbox, connector: world.connector, timer: world.clock, env: { APPROVER_IDS: rep.aadObjectId } });
    sandbox = new SandboxClient(world.sandbox);
  });
  afterAll(async () => {
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
    await world.stop();
  });

  const execute = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>, user = rep) => {
    const response = await bot.teams.execute(user, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    seen.push(response.body.value);
    return response.body.value;
  };
  const cancellations = () => world.sandbox.requests.filter((r) => r.method === 'PATCH' && /\/subscriptions\/[^/]+$/.test(r.path) && asRecord(r.body)['status'] === 'deleted');
  const subscription = async (id: string) => asRecord((await sandbox.get(`/v1/customers/${CONTOSO_ID}/subscriptions/${id}`)).body);

  /**
   * A cart for Contoso (2 × Business Basic, and 3 × Office 365 E5 with `withE5`), ordered, then provisioned:
   * the result card as the message shows it.
   */
  async function orderedAndProvisioned(chat: TeamsConversation, withE5 = false): Promise<Card> {
    const click = await startCart(bot, rep, chat);
    await draftForContoso(click);
    if (withE5) {
      await click('cart.addLine');
      await saveLine(click, await click('cart.searchProduct', { query: OFFICE_365_E5 }), '|P1Y|monthly', '3');
    }
    await click('cart.review');
    const placed = await click('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    expect(text(placed)).toContain('Order placed for Contoso Ltd');
    world.clock.advance(PROVISIONED_AFTER_MS);
    await bot.app.background.idle();
    const cards = bot.connector.cardsIn(chat.id);
    const result = cards[cards.length - 1]!;
    seen.push(result);
    return result;
  }

  it('says until when, asks once more naming customer, product, quantity and refund, and cancels the new subscription once for a double click', async () => {
    const chat: TeamsConversation = { id: 'a:undo-cart', conversationType: 'personal' };
    const result = await orderedAndProvisioned(chat);
    expect(text(result)).toContain('Undo until {{DATE(');
    const refresh = asRecord(asRecord(result['refresh'])['action']);
    expect(asRecord(result['refresh'])['userIds']).toEqual([rep.id]);
    expect(refresh['verb']).toBe('cart.show');

    const undo = actionsOf(result).get('purchase.undo')!;
    const foreign = await execute(chat, 'purchase.undo', undo, other);
    expect(text(foreign)).not.toContain('Undo the purchase');

    const ask = await execute(chat, 'purchase.undo', undo);
    expect(text(ask)).toContain('Undo the purchase for Contoso Ltd?');
    expect(text(ask)).toMatch(/2 × [^·]+ · refund: (full|partial)/);
    expect(text(ask)).toContain('Possible until {{DATE(');
    expect(cancellations()).toHaveLength(0);

    const confirm = actionsOf(ask).get('purchase.undoConfirm')!;
    const [one, two] = await Promise.all([
      bot.teams.execute(rep, chat, 'activity-1', 'purchase.undoConfirm', confirm),
      bot.teams.execute(rep, chat, 'activity-1', 'purchase.undoConfirm', confirm),
    ]);
    await bot.app.background.idle();
    seen.push(one.body.value, two.body.value);
    const sent = cancellations();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['if-match']).toBeTruthy();
    const subscriptionId = sent[0]!.path.split('/').pop()!;
    expect((await subscription(subscriptionId))['status']).toBe('deleted');

    const cards = bot.connector.cardsIn(chat.id);
    const done = [one.body.value, two.body.value, cards[cards.length - 1]!].find((card) => text(card).includes('Purchase undone'))!;
    expect(text(done)).toMatch(/2 × .+: cancelled/);

    // The confirmation pressed again later: every subscription is cancelled, nothing left and nothing sent.
    const again = await execute(chat, 'purchase.undoConfirm', confirm);
    expect(text(again)).toContain('Nothing to undo');
    expect(cancellations()).toHaveLength(1);
  });

  it('drops Undo from the refreshed card once the window has passed, and answers a stale Undo with the date it closed', async () => {
    const chat: TeamsConversation = { id: 'a:undo-late', conversationType: 'personal' };
    const result = await orderedAndProvisioned(chat);
    const undo = actionsOf(result).get('purchase.undo')!;
    const refresh = asRecord(asRecord(result['refresh'])['action']) as { verb: string; data: Record<string, unknown> };
    const before = cancellations().length;

    const early = await bot.teams.refresh(rep, chat, 'activity-1', refresh);
    expect(actionsOf(early.body.value).has('purchase.undo')).toBe(true);

    world.clock.advance(8 * DAY);
    const refreshed = await bot.teams.refresh(rep, chat, 'activity-1', refresh);
    expect(refreshed.status).toBe(200);
    seen.push(refreshed.body.value);
    expect(text(refreshed.body.value)).toContain('Order placed for Contoso Ltd');
    expect(actionsOf(refreshed.body.value).has('purchase.undo')).toBe(false);
    expect(refreshed.body.value['refresh']).toBeUndefined();

    const stale = await execute(chat, 'purchase.undo', undo);
    expect(text(stale)).toContain('Too late to undo');
    expect(text(stale)).toContain('The window to cancel this purchase closed {{DATE(');
    expect(cancellations()).toHaveLength(before);
  });

  it('undoes an add-on: only the add-on subscription is cancelled, never its base; the question in Polish for a Polish rep', async () => {
    const chat: TeamsConversation = { id: 'a:undo-addon', conversationType: 'personal' };
    expect(await bot.teams.message(rep, chat, 'add-on')).toBe(200);
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    const found = await execute(chat, 'addon.searchCustomer', { ...actionsOf(start).get('addon.searchCustomer')!, query: 'Contoso' });
    const subscriptions = await execute(chat, 'addon.pickCustomer', buttonData(found, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const addOns = await execute(chat, 'addon.pickSubscription', buttonData(subscriptions, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID));
    const confirm = await execute(chat, 'addon.pickAddOn', buttonData(addOns, 'addon.pickAddOn', 'addOnId', NCE_ADDON));
    const bought = await execute(chat, 'addon.buy', { ...actionsOf(confirm).get('addon.buy')!, quantity: '1', attest: 'true' });
    await bot.app.background.idle();
    expect(text(bought)).toContain('Order placed for Contoso Ltd');
    world.clock.advance(PROVISIONED_AFTER_MS);
    await bot.app.background.idle();
    const result = bot.connector.cardsIn(chat.id).at(-1)!;
    seen.push(result);
    expect(text(result)).toContain('Undo until {{DATE(');

    const polish = await bot.teams.send(rep, chat, {
      type: 'invoke', name: 'adaptiveCard/action', replyToId: 'activity-1', locale: 'pl-PL',
      value: { action: { type: 'Action.Execute', verb: 'purchase.undo', data: actionsOf(result).get('purchase.undo')! }, trigger: 'manual' },
    });
    const asked = (polish.body as { value: Card }).value;
    seen.push(asked);
    expect(text(asked)).toContain('Cofnąć zakup dla Contoso Ltd?');
    expect(text(asked)).toContain('1 × ');
    expect(text(asked)).toContain('Możliwe do {{DATE(');

    const before = cancellations().length;
    const done = await execute(chat, 'purchase.undoConfirm', actionsOf(asked).get('purchase.undoConfirm')!);
    await bot.app.background.idle();
    const sent = cancellations().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.path.toLowerCase()).not.toContain(CONTOSO_E5_SUBSCRIPTION_ID.toLowerCase());
    expect((await subscription(sent[0]!.path.split('/').pop()!))['status']).toBe('deleted');
    expect((await subscription(CONTOSO_E5_SUBSCRIPTION_ID))['status']).toBe('active');
    expect(text([done, bot.connector.cardsIn(chat.id).at(-1)!].find((card) => text(card).includes('Purchase undone'))!)).toMatch(/1 × .+: cancelled/);
  });

  it('reports a partial undo line by line: the refused line with its code and correlation id, the other cancelled', async () => {
    const chat: TeamsConversation = { id: 'a:undo-partial', conversationType: 'personal' };
    const result = await orderedAndProvisioned(chat, true);
    const ask = await execute(chat, 'purchase.undo', actionsOf(result).get('purchase.undo')!);
    expect(text(ask)).toMatch(/2 × [^·]+ · refund/);
    expect(text(ask)).toMatch(/3 × [^·]+ · refund/);

    world.sandbox.knobs.set({ businessFault: { code: 900117, status: 400, on: 'subscription', count: 1 } });
    const before = cancellations().length;
    const done = await execute(chat, 'purchase.undoConfirm', actionsOf(ask).get('purchase.undoConfirm')!);
    await bot.app.background.idle();
    const card = [done, bot.connector.cardsIn(chat.id).at(-1)!].find((c) => text(c).includes('Purchase partly undone'))!;
    expect(text(card)).toMatch(/× [^"]+: not cancelled\. [^"]*Code 900117[^"]*correlation id [0-9a-f-]{36}/);
    expect(text(card)).toMatch(/× [^"]+: cancelled/);
    expect(cancellations().length - before).toBe(2);
  });

  it('refreshes a seat change the same way: Undo and the refresh go once the added seats cannot be taken back', async () => {
    const chat: TeamsConversation = { id: 'a:undo-seats', conversationType: 'personal' };
    expect(await bot.teams.message(rep, chat, 'seats Contoso')).toBe(200);
    const found = bot.connector.cardsIn(chat.id).at(-1)!;
    const subscriptions = await execute(chat, 'seats.pickCustomer', buttonData(found, 'seats.pickCustomer', 'customerId', CONTOSO_ID));
    const quantity = await execute(chat, 'seats.pickSubscription', buttonData(subscriptions, 'seats.pickSubscription', 'subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID));
    const current = Number(/"value":(\d+)/.exec(text(quantity))![1]);
    const review = await execute(chat, 'seats.review', { ...actionsOf(quantity).get('seats.review')!, quantity: String(current + 1) });
    const result = await execute(chat, 'seats.change', actionsOf(review).get('seats.change')!);
    await bot.app.background.idle();
    expect(actionsOf(result).has('seats.undo')).toBe(true);
    expect(asRecord(result['refresh'])['userIds']).toEqual([rep.id]);
    const refresh = asRecord(asRecord(result['refresh'])['action']) as { verb: string; data: Record<string, unknown> };
    expect(refresh.verb).toBe('seats.show');

    world.clock.advance(8 * DAY);
    const refreshed = await bot.teams.refresh(rep, chat, 'activity-1', refresh);
    seen.push(refreshed.body.value);
    expect(text(refreshed.body.value)).toContain('Seats changed');
    expect(actionsOf(refreshed.body.value).has('seats.undo')).toBe(false);
    expect(refreshed.body.value['refresh']).toBeUndefined();
  });

  it('undoes a `new order` (POST /orders) the same way', async () => {
    const chat: TeamsConversation = { id: 'a:undo-order', conversationType: 'personal' };
    expect(await bot.teams.message(rep, chat, 'new order')).toBe(200);
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    const found = await execute(chat, 'order.searchCustomer', { ...actionsOf(start).get('order.searchCustomer')!, query: 'Contoso' });
    const draft = await execute(chat, 'order.pickCustomer', { ...actionsOf(found).get('order.pickCustomer')!, customerId: CONTOSO_ID });
    const withLine = await execute(chat, 'order.addLine', {
      ...actionsOf(draft).get('order.addLine')!, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: '4', billingCycle: 'monthly', termDuration: 'P1M',
    });
    const review = await execute(chat, 'order.review', { ...actionsOf(withLine).get('order.review')!, billingCycle: 'monthly' });
    const confirm = await execute(chat, 'cart.confirm', actionsOf(review).get('cart.confirm')!);
    const placed = await execute(chat, 'cart.placeOrder', { ...actionsOf(confirm).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    expect(text(placed)).toContain('Order placed for Contoso Ltd');
    world.clock.advance(PROVISIONED_AFTER_MS);
    await bot.app.background.idle();
    const result = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(text(result)).toContain('Undo until {{DATE(');

    const ask = await execute(chat, 'purchase.undo', actionsOf(result).get('purchase.undo')!);
    expect(text(ask)).toMatch(/4 × [^·]+ · refund/);
    const before = cancellations().length;
    await execute(chat, 'purchase.undoConfirm', actionsOf(ask).get('purchase.undoConfirm')!);
    await bot.app.background.idle();
    const sent = cancellations().slice(before);
    expect(sent).toHaveLength(1);
    expect((await subscription(sent[0]!.path.split('/').pop()!))['status']).toBe('deleted');
  });
});
