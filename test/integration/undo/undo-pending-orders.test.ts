import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsConversation } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, text, type Card } from '../bot/card-helpers';
import { driveToConfirmation } from '../bot/drive-to-confirmation';
import { driveTwoGroupsToConfirmation, rep } from '../faults/checkout-faults';
import type { RecordedRequest } from '../../../src/sandbox';

/** The sandbox provisions an order one minute (of its clock) after it was placed; the watch reads it after 30 s, then a minute later. */
const FIRST_CHECK_MS = 30_000;
const NEXT_CHECK_MS = 60_000;
const SAAS_PRODUCT = 'DZH318Z0BXWC';

describe('Undo on the result of orders still pending at the checkout', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  const seen: Card[] = [];

  beforeAll(async () => {
    world = await startClockedWorld();
    // One attempt per call: a read the sandbox fails stays failed, so the watch follows that order longer.
    bot = await startBotUnderTest({ sandbox: world.sandbox, connector: world.connector, timer: world.clock, partnerCenterRetry: { maxAttempts: 1 } });
  });
  afterAll(async () => {
    for (const card of seen) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
    await world.stop();
  });

  /** `GET …/subscriptions?order_id=`: what Undo reads of each order. */
  const undoReads = (since: number): RecordedRequest[] =>
    world.sandbox.requests.slice(since).filter((r) => r.method === 'GET' && r.path.endsWith('/subscriptions') && r.query['order_id'] !== undefined);
  const lastCard = (chat: TeamsConversation): Card => {
    const card = bot.connector.cardsIn(chat.id).at(-1)!;
    seen.push(card);
    return card;
  };
  const move = async (ms: number) => {
    world.clock.advance(ms);
    await bot.app.background.idle();
  };

  async function placeOrder(chat: TeamsConversation, review: Card): Promise<{ placed: Card; purchaseId: string }> {
    const place = actionsOf(review).get('cart.placeOrder')!;
    const response = await bot.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    seen.push(response.body.value);
    return { placed: response.body.value, purchaseId: String(place.purchaseId) };
  }

  it('reads no subscriptions for the card drawn at the checkout; the watch brings Undo once the order is provisioned, and the refresh keeps it', async () => {
    const chat: TeamsConversation = { id: 'a:undo-pending-one', conversationType: 'personal' };
    const before = world.sandbox.requests.length;
    const { placed } = await placeOrder(chat, await driveToConfirmation(bot, rep, chat));
    expect(text(placed)).toContain('Order placed for Contoso Ltd');
    expect(text(placed)).toContain('Status: pending');
    expect(actionsOf(placed).has('purchase.undo')).toBe(false);
    expect(placed['refresh']).toBeUndefined();
    expect(undoReads(before)).toHaveLength(0);

    // Still pending at the watch's first read: no redraw, still nothing read for Undo.
    await move(FIRST_CHECK_MS);
    expect(undoReads(before)).toHaveLength(0);

    await move(NEXT_CHECK_MS);
    const provisioned = lastCard(chat);
    expect(text(provisioned)).toContain('Status: completed');
    expect(text(provisioned)).toContain('Undo until {{DATE(');
    expect(actionsOf(provisioned).has('purchase.undo')).toBe(true);
    expect(undoReads(before)).toHaveLength(1);

    // The refresh (Teams asks again when the rep looks) sees the order as the watch last read it.
    const refresh = (provisioned['refresh'] as { action: { verb: string; data: Record<string, unknown> } }).action;
    const refreshed = await bot.teams.refresh(rep, chat, 'activity-1', refresh);
    seen.push(refreshed.body.value);
    expect(text(refreshed.body.value)).toContain('Status: completed');
    expect(actionsOf(refreshed.body.value).has('purchase.undo')).toBe(true);
    expect(undoReads(before)).toHaveLength(2);
  });

  it('judges each order of a purchase by its own latest status: Undo for the provisioned one first, for both once the other is read as provisioned; "bought before" shows it then', async () => {
    const chat: TeamsConversation = { id: 'a:undo-pending-two', conversationType: 'personal' };
    const before = world.sandbox.requests.length;
    const { placed, purchaseId } = await placeOrder(chat, await driveTwoGroupsToConfirmation(bot, chat));
    expect(text(placed)).toContain('2 orders');
    expect(actionsOf(placed).has('purchase.undo')).toBe(false);
    expect(undoReads(before)).toHaveLength(0);

    const orders = (await bot.app.purchases.load(purchaseId))!.purchase.checkout!.result!.orders!;
    expect(orders).toHaveLength(2);
    const saas = orders.find((order) => order.lineItems.some((line) => line.offerId.startsWith(SAAS_PRODUCT)))!;
    const licence = orders.find((order) => order !== saas)!;

    // Both are provisioned in Partner Center by the watch's second read, but the SaaS order's read fails.
    await move(FIRST_CHECK_MS);
    world.sandbox.knobs.set({ serverErrors: { count: 1, status: 503, pathPattern: `/orders/${saas.id}$` } });
    await move(NEXT_CHECK_MS);
    const first = lastCard(chat);
    expect(text(first)).toContain('Status: completed');
    expect(text(first)).toContain('Status: pending');
    expect(actionsOf(first).has('purchase.undo')).toBe(true);
    expect(undoReads(before).map((r) => r.query['order_id'])).toEqual([licence.id]);

    // The next read of the SaaS order finds it provisioned: the card is drawn again with both.
    await move(2 * NEXT_CHECK_MS);
    const both = lastCard(chat);
    expect(text(both)).not.toContain('Status: pending');
    expect(actionsOf(both).has('purchase.undo')).toBe(true);
    expect(undoReads(before).map((r) => r.query['order_id']).sort()).toEqual([licence.id, licence.id, saas.id].sort());

    const ask = await bot.teams.execute(rep, chat, 'activity-1', 'purchase.undo', actionsOf(both).get('purchase.undo')!);
    seen.push(ask.body.value);
    expect(text(ask.body.value)).toMatch(/2 × [^·]+ · refund/);
    expect(text(ask.body.value)).toMatch(/5 × [^·]+ · refund/);

    // The cart read Contoso's subscriptions before the SaaS plan existed; once provisioned it is among what they bought before.
    const next: TeamsConversation = { id: 'a:undo-pending-next', conversationType: 'personal' };
    expect(await bot.teams.message(rep, next, 'new cart Contoso Ltd')).toBe(200);
    expect(text(lastCard(next))).toContain('Contoso Sign');
  });
});
