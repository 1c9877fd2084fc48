import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, text, type Card } from '../bot/card-helpers';
import { asRecord, attestedCart, E5, nceLine, SandboxClient } from '../sandbox/sandbox-client';
import { cartCheckoutResultSchema } from '../../../src/partner-center/schemas';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000031', name: 'Sam Seats', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:seats-chat', conversationType: 'personal' };
const DAY = 24 * 60 * 60 * 1000;

describe('changing seats of a subscription a customer has (`seats`)', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  let sandbox: SandboxClient;
  const seen: Card[] = [];

  beforeAll(async () => {
    world = await startClockedWorld();
    bot = await startBotUnderTest({ sandbox: world.sandbox, connector: world.connector, timer: world.clock });
    sandbox = new SandboxClient(world.sandbox);
  });
  afterAll(async () => {
    for (const card of [...seen, ...bot.connector.cardsIn(chat.id)]) expect(adaptiveCardProblems(card)).toEqual([]);
    await bot.stop();
    await world.stop();
  });

  const click = async (verb: string, data: Record<string, unknown>, activityId?: string) => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data, activityId);
    expect(response.status).toBe(200);
    seen.push(response.body.value);
    return response.body.value;
  };
  const command = async (line: string) => {
    expect(await bot.teams.message(rep, chat, line)).toBe(200);
    const cards = bot.connector.cardsIn(chat.id);
    return cards[cards.length - 1]!;
  };
  const patches = (subscriptionId: string) =>
    world.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.toLowerCase().endsWith(`/subscriptions/${subscriptionId.toLowerCase()}`));
  const quantityOf = async (customerId: string, subscriptionId: string) =>
    Number(asRecord((await sandbox.get(`/v1/customers/${customerId}/subscriptions/${subscriptionId}`)).body)['quantity']);

  /** `seats <customer>` → the customer → the subscription: the card with the new total. */
  async function openQuantityCard(customer: string, customerId: string, subscriptionId: string): Promise<Card> {
    const found = await command(`seats ${customer}`);
    const subscriptions = await click('seats.pickCustomer', buttonData(found, 'seats.pickCustomer', 'customerId', customerId));
    return click('seats.pickSubscription', buttonData(subscriptions, 'seats.pickSubscription', 'subscriptionId', subscriptionId));
  }

  it("adds 5 seats to Contoso's E5 with one PATCH of the new total, once for a double and a redelivered click, and undoes them", async () => {
    const start = await command('seats');
    expect(text(start)).toContain('Seats: which customer?');
    const found = await click('seats.searchCustomer', { ...actionsOf(start).get('seats.searchCustomer')!, query: 'Contoso' });
    const subscriptions = await click('seats.pickCustomer', buttonData(found, 'seats.pickCustomer', 'customerId', CONTOSO_ID));
    expect(text(subscriptions)).toContain('15 licences');
    const quantity = await click('seats.pickSubscription', buttonData(subscriptions, 'seats.pickSubscription', 'subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID));
    expect(text(quantity)).toContain('15 licences now');
    expect(text(quantity)).toContain('You can reduce by up to 5 until {{DATE(');
    expect(text(quantity)).toContain('"value":15');

    const review = await click('seats.review', { ...actionsOf(quantity).get('seats.review')!, quantity: '20' });
    expect(text(review)).toContain('15 → 20 licences');
    expect(text(review)).toContain('Adds 5 licences');
    expect(patches(CONTOSO_E5_SUBSCRIPTION_ID)).toHaveLength(0);

    const change = actionsOf(review).get('seats.change')!;
    const [one, two] = await Promise.all([
      bot.teams.execute(rep, chat, 'activity-1', 'seats.change', change, 'click-change'),
      bot.teams.execute(rep, chat, 'activity-1', 'seats.change', change),
    ]);
    await bot.app.background.idle();
    const redelivered = await click('seats.change', change, 'click-change');
    seen.push(one.body.value, two.body.value);

    const sent = patches(CONTOSO_E5_SUBSCRIPTION_ID);
    expect(sent).toHaveLength(1);
    expect(asRecord(sent[0]!.body)['quantity']).toBe(20);
    expect(sent[0]!.headers['if-match']).toBeTruthy();
    expect(await quantityOf(CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID)).toBe(20);

    const result = [one.body.value, two.body.value, redelivered].find((card) => text(card).includes('Seats changed'))!;
    expect(text(result)).toContain('15 → 20 licences');
    expect(text(result)).toContain('Undo until {{DATE(');

    const ask = await click('seats.undo', actionsOf(result).get('seats.undo')!);
    expect(text(ask)).toContain('20 → 15 licences');
    expect(patches(CONTOSO_E5_SUBSCRIPTION_ID)).toHaveLength(1);
    const undone = await click('seats.undoConfirm', actionsOf(ask).get('seats.undoConfirm')!);
    await bot.app.background.idle();
    expect(text(undone)).toContain('20 → 15 licences');
    expect(patches(CONTOSO_E5_SUBSCRIPTION_ID)).toHaveLength(2);
    expect(await quantityOf(CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID)).toBe(15);
  });

  it('refuses to take Contoso\'s E5 below the seats still inside their window, with the reason and date, and sends nothing', async () => {
    const quantity = await openQuantityCard('Contoso', CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID);
    const refused = await click('seats.review', { ...actionsOf(quantity).get('seats.review')!, quantity: '9' });
    expect(text(refused)).toContain('Partner Center lets you go down to 10 licences only, until {{DATE(');
    expect(text(refused)).toContain('turn auto-renew off');
    const patchesBefore = patches(CONTOSO_E5_SUBSCRIPTION_ID).length;
    expect(actionsOf(refused).has('seats.change')).toBe(false);
    expect(patches(CONTOSO_E5_SUBSCRIPTION_ID)).toHaveLength(patchesBefore);
    expect(await quantityOf(CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID)).toBe(15);
    await click('seats.cancel', actionsOf(refused).get('seats.cancel')!);
  });

  it('cancels a subscription bought in the same test inside its window, naming customer, product, quantity and refund', async () => {
    const cart = asRecord((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts`, attestedCart([nceLine(E5, { quantity: 3 })]))).body);
    const checkout = cartCheckoutResultSchema.parse((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts/${String(cart['id'])}/checkout`)).body);
    const orderId = checkout.orders?.[0]?.id;
    // Partner Center provisions the subscription a while after the order (the sandbox: one minute of its clock).
    world.clock.advance(61_000);
    const listed = asRecord((await sandbox.get(`/v1/customers/${NORTHWIND_ID}/subscriptions`)).body)['items'] as Record<string, unknown>[];
    const bought = String(listed.find((s) => s['orderId'] === orderId)?.['id']);

    const quantity = await openQuantityCard('Northwind', NORTHWIND_ID, bought);
    expect(text(quantity)).toContain('You can cancel until {{DATE(');
    const confirm = await click('seats.cancelSubscription', actionsOf(quantity).get('seats.cancelSubscription')!);
    expect(text(confirm)).toContain('Customer: Northwind');
    expect(text(confirm)).toContain('3 licences end now');
    expect(text(confirm)).toContain('Refund: partial, cancellable until {{DATE(');
    const done = await click('seats.change', actionsOf(confirm).get('seats.change')!);
    await bot.app.background.idle();
    expect(text(done)).toContain('Subscription cancelled');
    const sent = patches(bought);
    expect(sent).toHaveLength(1);
    expect(asRecord(sent[0]!.body)['status']).toBe('deleted');
    expect(asRecord((await sandbox.get(`/v1/customers/${NORTHWIND_ID}/subscriptions/${bought}`)).body)['status']).toBe('deleted');
  });

  it('drops Undo once the window has passed, and answers a stale Undo with the date it closed', async () => {
    const quantity = await openQuantityCard('Contoso', CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID);
    const review = await click('seats.review', { ...actionsOf(quantity).get('seats.review')!, quantity: '16' });
    const result = await click('seats.change', actionsOf(review).get('seats.change')!);
    await bot.app.background.idle();
    expect(text(result)).toContain('Undo until');
    const undo = actionsOf(result).get('seats.undo')!;

    world.clock.advance(8 * DAY);
    const stale = await click('seats.undo', undo);
    expect(text(stale)).toContain('Too late to undo');
    expect(text(stale)).toContain('The window to take these seats back closed {{DATE(');
    const redrawn = await click('seats.show', undo);
    expect(actionsOf(redrawn).has('seats.undo')).toBe(false);
    expect(await quantityOf(CONTOSO_ID, CONTOSO_E5_SUBSCRIPTION_ID)).toBe(16);
  });
});
