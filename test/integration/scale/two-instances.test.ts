import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { startTwoInstances, type TwoInstances } from '../harness/two-instances';
import { text } from '../bot/card-helpers';
import { driveToConfirmation, ORDERED_PURCHASE_STEPS, placeOrderData, shownCard } from './drive-purchase';
import { partnerCenterCart } from '../../../src/flows/purchase/purchase';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '55555555-5555-4555-8555-555555555555', name: 'Rita Rep', tenantId: 'partner-tenant' };

describe('two bot instances on one Azure Blob container', () => {
  let bot: TwoInstances;
  let connector: FakeConnector;
  beforeAll(async () => {
    bot = await startTwoInstances();
  });
  afterAll(async () => {
    await bot.stop();
  });
  beforeEach(async () => {
    connector = new FakeConnector();
    await connector.start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  const checkoutsOf = (cartId: string | null | undefined) =>
    bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/carts/${cartId}/checkout`));

  it('complete one purchase whose turns alternate between them, with one checkout', async () => {
    const chat: TeamsConversation = { id: 'a:personal-alternating', conversationType: 'personal' };
    const clients = bot.clientsFor(connector);
    const confirmation = await driveToConfirmation(clients, connector, rep, chat);

    const placed = await clients[1].execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    await bot.idle();

    expect(text(placed.body.value)).toContain('Order placed for Contoso Ltd');
    const [first, second] = bot.instances;
    const purchase = (await first.app.purchases.load(confirmation.purchaseId))!.purchase;
    expect(purchase.status).toBe('ordered');
    expect(checkoutsOf(partnerCenterCart(purchase)?.id)).toHaveLength(1);
    expect(text(shownCard(connector, chat.id, confirmation.cardId))).toContain('Order placed for Contoso Ltd');

    const trail = await second.app.audit.listFor({ purchaseId: purchase.id });
    expect(trail.map((r) => r.action)).toEqual(ORDERED_PURCHASE_STEPS);
    expect(trail.every((r) => r.outcome === 'succeeded' && r.actor.aadObjectId === rep.aadObjectId && r.actor.tenantId === rep.tenantId)).toBe(true);
    expect(trail.every((r) => r.correlationId === purchase.correlationId)).toBe(true);
    const orderIds = (purchase.checkout?.result?.orders ?? []).map((o) => o.id);
    expect(trail.at(-1)).toMatchObject({ customerId: purchase.customer?.id, cartId: partnerCenterCart(purchase)?.id, orderIds });
  });

  it('check out once when both receive the same click at the same moment', async () => {
    const chat: TeamsConversation = { id: 'a:personal-same-click', conversationType: 'personal' };
    const clients = bot.clientsFor(connector);
    const confirmation = await driveToConfirmation(clients, connector, rep, chat);

    const answers = await Promise.all(
      clients.map((client) => client.execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation))),
    );
    await bot.idle();

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.some((a) => text(a.body.value).includes('Order placed for Contoso Ltd'))).toBe(true);
    const purchase = (await bot.instances[1].app.purchases.load(confirmation.purchaseId))!.purchase;
    expect(purchase.status).toBe('ordered');
    expect(checkoutsOf(partnerCenterCart(purchase)?.id)).toHaveLength(1);
    expect(text(shownCard(connector, chat.id, confirmation.cardId))).toContain('Order placed for Contoso Ltd');

    // The second click lost the eTag race or already found the checkout running: either way it changed nothing.
    const trail = await bot.instances[0].app.audit.listFor({ purchaseId: purchase.id });
    expect(trail.map((r) => r.action)).toEqual(ORDERED_PURCHASE_STEPS);
    expect(trail.every((r) => r.outcome === 'succeeded')).toBe(true);
  });
});
