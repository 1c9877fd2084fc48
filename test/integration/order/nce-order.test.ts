import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { orderRequestSchema } from '../../../src/sandbox/contract/order-request';
import { actionsOf, text, type Card } from '../bot/card-helpers';
import { fixture } from '../sandbox/sandbox-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:order-rep', aadObjectId: 'c0000000-0000-4000-8000-000000000002', name: 'Olga Order', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:nce-order-chat', conversationType: 'personal' };
/** Microsoft 365 Business Basic (new commerce): the orders API takes its catalog item id, colons included. */
const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K971';

/** `new order` takes what New-PartnerCustomerOrder and the orders API take for a new-commerce line. */
describe('`new order` with a new-commerce catalog item id', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
    bot = await startBotUnderTest({ env: { APPROVER_IDS: rep.aadObjectId } });
  });
  afterAll(() => bot.stop());

  /** "new order" for Contoso in a chat of its own: the clicks go to its card. */
  async function orderDraft(chat: TeamsConversation) {
    const click = async (verb: string, data: Record<string, unknown>): Promise<Card> =>
      (await bot.teams.execute(rep, chat, 'activity-1', verb, data)).body.value;
    await bot.teams.message(rep, chat, 'new order');
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    const found = await click('order.searchCustomer', { ...actionsOf(start).get('order.searchCustomer')!, query: 'Contoso' });
    const draft = await click('order.pickCustomer', { ...actionsOf(found).get('order.pickCustomer')!, customerId: CONTOSO_ID });
    return { click, add: actionsOf(draft).get('order.addLine')! };
  }

  /** From the draft with its line to Partner Center: review, confirm with the attestation, place. */
  async function place(click: (verb: string, data: Record<string, unknown>) => Promise<Card>, withLine: Card): Promise<Card> {
    const review = await click('order.review', { ...actionsOf(withLine).get('order.review')!, billingCycle: 'monthly' });
    const confirm = await click('cart.confirm', actionsOf(review).get('cart.confirm')!);
    const placed = await click('cart.placeOrder', { ...actionsOf(confirm).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    return placed;
  }

  const postedOrders = () => bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${CONTOSO_ID}/orders`);

  it('asks for a term the offer has, then orders it with its term and friendly name', async () => {
    const { click, add } = await orderDraft(chat);

    const noTerm = await click('order.addLine', { ...add, offerId: BUSINESS_BASIC, quantity: '3', billingCycle: 'monthly', termDuration: '' });
    expect(text(noTerm)).toContain('Choose a term this offer has for the order’s billing cycle: P1M (1 month), P1Y (1 year)');
    const annualBilling = await click('order.addLine', { ...add, offerId: BUSINESS_BASIC, quantity: '3', billingCycle: 'annual', termDuration: 'P1M' });
    expect(text(annualBilling)).toContain('Choose a term this offer has for the order’s billing cycle: P1Y (1 year)');

    const withLine = await click('order.addLine', {
      ...add, offerId: BUSINESS_BASIC, quantity: '3', billingCycle: 'monthly', termDuration: 'p1y', friendlyName: 'Head office',
    });
    expect(text(withLine)).toContain(`3 × Microsoft 365 Business Basic (${BUSINESS_BASIC})`);
    expect(text(await place(click, withLine))).toContain('Order placed for Contoso Ltd');
    expect(adaptiveCardProblems(withLine)).toEqual([]);

    const [post] = postedOrders();
    expect(post?.body).toEqual({
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: BUSINESS_BASIC, quantity: 3, friendlyName: 'Head office', termDuration: 'P1Y' }],
      partnerOnRecordAttestationAccepted: true,
    });
    expect(post?.status).toBe(201);
  });

  it('sends create-an-order’s indirect example line for line: the same properties and values, plus the term', async () => {
    const seed = fixture('api-order-create-nce-indirect.request.json') as { lineItems: Record<string, unknown>[] };
    const seedLine = seed.lineItems[0]!;
    const { click, add } = await orderDraft({ id: 'a:nce-order-indirect', conversationType: 'personal' });
    const invalid = await click('order.addLine', {
      ...add, offerId: seedLine['offerId'], quantity: '1', billingCycle: 'monthly', termDuration: 'P1M', transactionReseller: 'reseller-7',
    });
    expect(text(invalid)).toContain('Partner IDs are numbers; at most 5 additional resellers.');
    const withLine = await click('order.addLine', {
      ...add, offerId: seedLine['offerId'], quantity: String(seedLine['quantity']), billingCycle: 'monthly', termDuration: 'P1M',
      transactionReseller: seedLine['PartnerIdOnRecord'], additionalResellers: (seedLine['AdditionalPartnerIdsOnRecord'] as string[]).join(', '),
    });
    const placed = await place(click, withLine);
    expect(text(placed)).toContain('Order placed for Contoso Ltd');

    const sent = postedOrders().at(-1)?.body as { lineItems: Record<string, unknown>[] } & Record<string, unknown>;
    const sentLine = sent.lineItems[0]!;
    // The example spells some properties in PascalCase; the service binds them case-insensitively.
    const byLowerCase = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
    expect(byLowerCase(sentLine)).toEqual({ ...byLowerCase(seedLine), termduration: 'P1M' });
    expect(byLowerCase({ ...sent, lineItems: undefined })).toEqual(byLowerCase({ ...seed, lineItems: undefined }));
    expect(orderRequestSchema.safeParse(sent).success).toBe(true);
  });
});
