import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsUser } from '../harness/teams-client';
import { buttonTitles, text, type Card } from '../bot/card-helpers';
import { approverInChannel, click, say, type TourParty } from '../../support/purchase-tour';
import { asRecord, attestedCart, E5, nceLine, SandboxClient } from '../sandbox/sandbox-client';
import { cartCheckoutResultSchema } from '../../../src/partner-center/schemas';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID, NORTHWIND_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:seats-approval-rep', aadObjectId: 'a0000000-0000-4000-8000-000000000041', name: 'Rae Rep', tenantId: 'partner-tenant' };
const approver: TeamsUser = { id: '29:seats-approver', aadObjectId: 'a0000000-0000-4000-8000-000000000042', name: 'Abe Approver', tenantId: 'partner-tenant' };
const APPROVAL_CHANNEL = '19:seats-approvals@thread.tacv2';

/** `seats contoso` → Contoso → its NCE Office 365 E5 (1-year term billed monthly, $30.40 a licence) → the new total. */
async function reviewE5(party: TourParty, total: string): Promise<Card> {
  const found = await say(party, 'seats contoso');
  const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
  return click(party, quantity, 'seats.review', { quantity: total });
}

describe('a seat increase is priced and judged by the approval threshold (USD 1,000)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: 'USD:1000', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  const e5Patches = () => bot.sandbox.requests.filter((r) => r.method === 'PATCH' && r.path.toLowerCase().endsWith(CONTOSO_E5_SUBSCRIPTION_ID));
  const cartsCreated = () => bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/carts'));
  const checkouts = () => bot.sandbox.requests.filter((r) => r.path.toLowerCase().endsWith('/checkout'));

  it('shows the price per licence and what 2 more cost, and changes the seats at once: $729.60 is under the threshold', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-under', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewE5(party, '17');
    expect(text(review)).toContain('15 → 17 licences');
    expect(text(review)).toContain('Price: $30.40 per licence per month · 1-year term · $364.80 for the term');
    expect(text(review)).toContain('The 2 added licences: Due each month: $60.80 · Total commitment: $729.60');
    expect(cartsCreated()).toHaveLength(1);

    const done = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(done)).toContain('Seats changed');
    expect(text(done)).toContain('15 → 17 licences');
    expect(e5Patches()).toHaveLength(1);
    expect(bot.connector.cardsIn(APPROVAL_CHANNEL)).toHaveLength(0);
  });

  it('sends 3 more ($1,094.40) to the approver with their real total, old → new and the price, and changes them once approved', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-over', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewE5(party, '20');
    expect(text(review)).toContain('The 3 added licences: Due each month: $91.20 · Total commitment: $1,094.40');
    // The same offer, term and billing cycle: the quote of the first review is reused, no second cart.
    expect(cartsCreated()).toHaveLength(1);

    const waiting = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(waiting)).not.toContain('Seats changed');
    expect(e5Patches()).toHaveLength(1);

    const requests = bot.connector.cardsIn(APPROVAL_CHANNEL);
    expect(requests).toHaveLength(1);
    const request = text(requests[0]!);
    expect(request).toContain('Office 365 E5 - head office');
    expect(request).toContain('17 → 20');
    expect(request).toContain('+3 × Office 365 E5 - head office');
    expect(request).toContain('$30.40 per licence per month · 1-year term · $364.80 for the term');
    expect(request).toContain('Due each month: $91.20');
    expect(request).toContain('Total commitment: $1,094.40');
    expect(request).not.toContain('Not known');
    const requested = (await bot.app.audit.listAll()).filter((r) => r.action === 'approval.requested');
    expect(requested.map((r) => r.details?.['totals'])).toEqual([[{ currency: 'USD', amount: 1094.4 }]]);

    const asApprover = approverInChannel({ ...party, approver, approvalChannelId: APPROVAL_CHANNEL });
    const decision = await click(asApprover, requests[0]!, 'approval.show');
    expect(buttonTitles(decision, 'approval.approve')).toEqual(['Approve and change']);
    await click(asApprover, decision, 'approval.approve');
    await bot.app.background.idle();

    const sent = e5Patches();
    expect(sent).toHaveLength(2);
    expect((sent[1]!.body as Record<string, unknown>)['quantity']).toBe(20);
    // The quote's cart was never checked out.
    expect(checkouts()).toHaveLength(0);
  });

  it('takes seats back inside the window without an approver, saying what each month costs less', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-approval-down', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewE5(party, '15');
    expect(text(review)).toContain('Removes 5 licences, refunded');
    expect(text(review)).toContain('$152.00 less each month');
    const done = await click(party, review, 'seats.change');
    await bot.app.background.idle();
    expect(text(done)).toContain('Seats changed');
    expect(text(done)).toContain('20 → 15 licences');
    expect(e5Patches()).toHaveLength(3);
    expect((await bot.app.audit.listAll()).filter((r) => r.action === 'approval.requested')).toHaveLength(1);

    // Approvers still see it where they decide, and the audit trail has it.
    const notice = text(bot.connector.cardsIn(APPROVAL_CHANNEL).at(-1)!);
    expect(notice).toContain('Rae Rep changed a subscription of Contoso');
    expect(notice).toContain('Office 365 E5 - head office: 20 → 15 licences');
    expect(notice).toContain('No approval needed');
    expect(notice).not.toContain('Action.Execute');
    const trail = text(await say({ bot, rep: approver, chat: { id: 'a:seats-approval-audit', conversationType: 'personal' }, locale: 'en-US' }, `audit ${CONTOSO_ID}`));
    expect(trail).toContain('seats.reviewed');
    expect(trail).toContain('checkout.ordered');
  });

  it('words the price in Polish for a Polish rep', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-polish', conversationType: 'personal' }, locale: 'pl-PL' };
    const review = await reviewE5(party, '19');
    // Intl writes Polish amounts with no-break spaces.
    const polish = text(review).replace(/[\u00a0\u202f]/g, ' ');
    expect(polish).toContain('Cena: 30,40 USD za licencję miesięcznie · okres 1 rok · 364,80 USD za cały okres');
    expect(polish).toContain('Dodane 4 licencje: Płatne co miesiąc: 121,60 USD · Łączne zobowiązanie: 1459,20 USD');
    expect(polish).not.toMatch(/per licence|Due each/);
    expect(cartsCreated()).toHaveLength(1);
  });

  it('needs no approver to cancel inside the window, and tells the approval channel', async () => {
    const sandbox = new SandboxClient(bot.sandbox);
    const cart = asRecord((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts`, attestedCart([nceLine(E5, { quantity: 2 })]))).body);
    const checkout = cartCheckoutResultSchema.parse((await sandbox.post(`/v1/customers/${NORTHWIND_ID}/carts/${String(cart['id'])}/checkout`)).body);
    // Partner Center provisions the subscription a while after the order (the sandbox: one minute of its clock).
    expect((await sandbox.post('/_sandbox/clock', { advanceMs: 61_000 })).status).toBe(200);
    const listed = asRecord((await sandbox.get(`/v1/customers/${NORTHWIND_ID}/subscriptions`)).body)['items'] as Record<string, unknown>[];
    const bought = String(listed.find((s) => s['orderId'] === checkout.orders?.[0]?.id)?.['id']);

    const party: TourParty = { bot, rep, chat: { id: 'a:seats-approval-cancel', conversationType: 'personal' }, locale: 'en-US' };
    const found = await say(party, 'seats northwind');
    const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', NORTHWIND_ID]);
    const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', bought]);
    const confirm = await click(party, quantity, 'seats.cancelSubscription');
    const done = await click(party, confirm, 'seats.change');
    await bot.app.background.idle();
    expect(text(done)).toContain('Subscription cancelled');
    const notice = text(bot.connector.cardsIn(APPROVAL_CHANNEL).at(-1)!);
    expect(notice).toContain('Rae Rep changed a subscription of Northwind');
    expect(notice).toContain('Office 365 E5 without Audio Conferencing: cancelled');
  });
});

describe('a seat increase Partner Center gives no price for', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({
      env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: 'USD:1000', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL },
      partnerCenterRetry: { maxAttempts: 1 },
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('says the price is not available, invents none, and waits for an approver who is told the total is not known', async () => {
    bot.sandbox.knobs.set({ serverErrors: { count: 1, status: 503, pathPattern: '/carts$' } });
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-unpriced', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewE5(party, '16');
    expect(text(review)).toContain('Price per licence: not available from Partner Center. Check your price list.');
    expect(text(review)).not.toMatch(/\$\d/);

    await click(party, review, 'seats.change');
    await bot.app.background.idle();
    const requests = bot.connector.cardsIn(APPROVAL_CHANNEL);
    expect(requests).toHaveLength(1);
    const request = text(requests[0]!);
    expect(request).toContain('15 → 16');
    expect(request).toContain('+1 × Office 365 E5 - head office');
    expect(request).toContain('price per licence not available from Partner Center');
    expect(request).toContain('Not known: Partner Center gave no price for this subscription.');
    expect(request).not.toMatch(/\$\d/);
  });

  it('asks Partner Center again at the next review: a failed quote is not kept', async () => {
    const party: TourParty = { bot, rep, chat: { id: 'a:seats-priced-again', conversationType: 'personal' }, locale: 'en-US' };
    const review = await reviewE5(party, '17');
    expect(text(review)).toContain('Price: $30.40 per licence per month');
    expect(bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase().endsWith('/carts'))).toHaveLength(2);
  });
});
