import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text, type Card } from '../bot/card-helpers';
import { BUSINESS_BASIC, cardAfterProgress, clicksOn, draftForContoso, saveLine, type Click } from '../bot/drive-to-confirmation';
import { asRecord } from '../sandbox/sandbox-client';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, FABRIKAM_ID } from '../../../src/sandbox/data/seed-ids';
import type { Purchase } from '../../../src/flows/purchase/purchase';

const rep: TeamsUser = { id: '29:undo-draft-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000051', name: 'Dora Draft', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:undo-draft-other', aadObjectId: 'a0000000-0000-4000-8000-000000000052', name: 'Otto Other', tenantId: 'partner-tenant' };
/** Partner Center creates the subscriptions a while after the order (the sandbox: one minute of its clock). */
const PROVISIONED_AFTER_MS = 61_000;

/**
 * Undo on a placed purchase's result card is a purchase of its own (a seat change that cancels what was
 * bought), but it is that card's, not the chat's: the draft cart the rep is building in the same chat
 * stays their open purchase, to edit, review and `cancel`. (It used to take the draft's place: the draft
 * was refused as older than the undo while the undo could still change, and `cancel` found nothing.)
 */
describe('an Undo beside the draft cart the rep is building in the same chat', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;

  beforeAll(async () => {
    world = await startClockedWorld();
    bot = await startBotUnderTest({ sandbox: world.sandbox, connector: world.connector, timer: world.clock });
  });
  afterAll(async () => {
    await bot.stop();
    await world.stop();
  });

  const cancellations = () => world.sandbox.requests.filter((r) => r.method === 'PATCH' && /\/subscriptions\/[^/]+$/.test(r.path) && asRecord(r.body)['status'] === 'deleted');
  const execute = async (chat: TeamsConversation, cardId: string, verb: string, data: Record<string, unknown>, user = rep): Promise<Card> => {
    const response = await bot.teams.execute(user, chat, cardId, verb, data);
    expect(response.status).toBe(200);
    return response.body.value;
  };
  const say = async (chat: TeamsConversation, words: string) => {
    const before = bot.connector.calls.length;
    expect(await bot.teams.message(rep, chat, words)).toBe(200);
    const posted = bot.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === chat.id);
    const cards = posted.flatMap((c) => ((c.body.attachments as { content: Card }[] | undefined) ?? []).map((a) => a.content));
    return { cards, texts: posted.map((c) => String(c.body.text ?? '')).join('\n') };
  };

  /** A cart for Contoso (2 × Business Basic) placed from the card `order-card` and provisioned: its result card, with Undo. */
  async function orderedAndProvisioned(chat: TeamsConversation): Promise<Card> {
    await bot.teams.message(rep, chat, 'new cart');
    const click = clicksOn(bot, rep, chat, bot.connector.cardsIn(chat.id).at(-1)!, 'order-card');
    await draftForContoso(click);
    await click('cart.review');
    expect(text(await click('cart.placeOrder', { attestPartnerOfRecord: 'true' }))).toContain('Order placed for Contoso Ltd');
    await bot.app.background.idle();
    world.clock.advance(PROVISIONED_AFTER_MS);
    await bot.app.background.idle();
    const result = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(actionsOf(result).has('purchase.undo')).toBe(true);
    return result;
  }

  /** `new cart fabrikam` (one match: straight to the product step) and a line: the draft, clicked on its own card `draft-card`. */
  async function draftForFabrikam(chat: TeamsConversation): Promise<{ click: Click; purchaseId: string }> {
    const [products] = (await say(chat, 'new cart fabrikam')).cards;
    const purchaseId = String(actionsOf(products!).get('cart.searchProduct')!['purchaseId']);
    const click = clicksOn(bot, rep, chat, products!, 'draft-card');
    const draft = await saveLine(click, await click('cart.searchProduct', { query: BUSINESS_BASIC }), '|P1M|monthly', '3');
    expect(text(draft)).toContain('3 × Microsoft 365 Business Basic');
    return { click, purchaseId };
  }

  /** The undo stored for the purchase of `result`. */
  async function undoOf(result: Card): Promise<Purchase | undefined> {
    const originalId = String(actionsOf(result).get('purchase.undo')!['purchaseId']);
    const purchases = await Promise.all((await bot.app.purchases.listIds()).map(async (id) => (await bot.app.purchases.load(id))?.purchase));
    return purchases.find((purchase) => purchase?.kind === 'seats' && purchase.seats.undoOf === originalId);
  }

  /** Undo on the result card, asked and confirmed: the undo's answer once its PATCHes are done. */
  async function undo(chat: TeamsConversation, result: Card): Promise<Card> {
    const ask = await execute(chat, 'order-card', 'purchase.undo', actionsOf(result).get('purchase.undo')!);
    const confirm = actionsOf(ask).get('purchase.undoConfirm')!;
    const foreign = await execute(chat, 'order-card', 'purchase.undoConfirm', confirm, other);
    expect(text(foreign)).not.toContain('undone');
    const answered = await execute(chat, 'order-card', 'purchase.undoConfirm', confirm);
    await bot.app.background.idle();
    return [answered, bot.connector.cardsIn(chat.id).at(-1)!].find((card) => /Purchase (not |partly )?undone/.test(text(card)))!;
  }

  it('leaves the draft editable while the undo Partner Center refused can still change, and `cancel` cancels the draft', async () => {
    const chat: TeamsConversation = { id: 'a:undo-draft-refused', conversationType: 'personal' };
    const result = await orderedAndProvisioned(chat);
    const { click, purchaseId } = await draftForFabrikam(chat);

    // Partner Center refuses the only cancellation: the undo ends refused, a purchase that could still change.
    world.sandbox.knobs.set({ businessFault: { code: 900117, status: 400, on: 'subscription', count: 1 } });
    const before = cancellations().length;
    const refused = await undo(chat, result);
    expect(text(refused)).toContain('Purchase not undone');
    expect(text(refused)).toContain('Code 900117');
    expect(cancellations().length - before).toBe(1);

    // The draft is still the rep's to carry on with: reviewed with Partner Center's prices, not refused as older.
    const review = await click('cart.review');
    expect(text(review)).not.toContain('You have a newer purchase here');
    expect(text(review)).toContain('Fabrikam Inc');
    expect(actionsOf(review).has('cart.placeOrder')).toBe(true);
    const draft = (await bot.app.purchases.load(purchaseId))!.purchase;
    expect(draft.status).toBe('priced');
    expect(draft.customer?.id).toBe(FABRIKAM_ID);

    // `cancel` cancels the draft; the refused undo is left as it is, on its own card.
    const cancelled = await say(chat, 'cancel');
    expect(cancelled.cards.map(text).join('\n')).toContain('Cart cancelled');
    expect((await bot.app.purchases.load(purchaseId))!.purchase.status).toBe('cancelled');
    expect((await undoOf(result))?.status).toBe('failed');
  });

  it("lets the rep try a refused seat-change undo again from its own card while the draft is open", async () => {
    const chat: TeamsConversation = { id: 'a:undo-draft-seats', conversationType: 'personal' };
    await bot.teams.message(rep, chat, 'seats contoso');
    const seats = clicksOn(bot, rep, chat, bot.connector.cardsIn(chat.id).at(-1)!, 'seats-card');
    await seats('seats.pickCustomer', { customerId: CONTOSO_ID });
    const quantity = await seats('seats.pickSubscription', { subscriptionId: CONTOSO_E5_SUBSCRIPTION_ID });
    const current = Number(/"value":(\d+)/.exec(text(quantity))![1]);
    await seats('seats.review', { quantity: String(current + 1) });
    const changed = await seats('seats.change');
    await bot.app.background.idle();
    expect(actionsOf(changed).has('seats.undo')).toBe(true);
    const { purchaseId } = await draftForFabrikam(chat);

    world.sandbox.knobs.set({ businessFault: { code: 900117, status: 400, on: 'subscription', count: 1 } });
    await seats('seats.undo');
    const refused = await cardAfterProgress(bot, chat, 'seats-card', await seats('seats.undoConfirm'));
    expect(text(refused)).toContain('Code 900117');

    // The undo's own "Try again" is not refused as older than the draft: it is the card's, not the chat's.
    const again = await seats('seats.back');
    expect(text(again)).not.toContain('You have a newer purchase here');
    expect(actionsOf(again).has('seats.review')).toBe(true);
    // And `cancel` still means the draft.
    expect((await say(chat, 'cancel')).cards.map(text).join('\n')).toContain('Cart cancelled');
    expect((await bot.app.purchases.load(purchaseId))!.purchase.status).toBe('cancelled');
  });

  it('keeps the draft the open purchase after an undo that went through: edited on, then cancelled by `cancel`', async () => {
    const chat: TeamsConversation = { id: 'a:undo-draft-done', conversationType: 'personal' };
    const result = await orderedAndProvisioned(chat);
    const { click, purchaseId } = await draftForFabrikam(chat);

    const before = cancellations().length;
    const done = await undo(chat, result);
    expect(text(done)).toMatch(/2 × .+: cancelled/);
    expect(cancellations().length - before).toBe(1);

    const products = await click('cart.addLine');
    expect(text(products)).not.toContain('You have a newer purchase here');
    expect(actionsOf(products).has('cart.searchProduct')).toBe(true);

    const cancelled = await say(chat, 'cancel');
    expect(cancelled.texts).not.toContain('Nothing is open in this chat for you to cancel.');
    expect(cancelled.cards.map(text).join('\n')).toContain('Cart cancelled');
    expect((await bot.app.purchases.load(purchaseId))!.purchase.status).toBe('cancelled');
    // Nothing else is open in the chat now.
    expect((await say(chat, 'cancel')).texts).toContain('Nothing is open in this chat for you to cancel.');
  });
});
