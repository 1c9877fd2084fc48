import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsUser } from '../harness/teams-client';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { click, say, type TourParty } from '../../support/purchase-tour';
import { actionsOf, GUID, text, textBlocks, type Card } from '../bot/card-helpers';
import { orderRef } from '../../../src/flows/views/format';
import { APPROVAL_CHANNEL, APPROVER_IDS, anna, approvalThread, bystander, personalChat, postsIn, refreshOf, rep, updatesOf } from './approval-world';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { CONTOSO_E3_ORDER_ID, CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_E5_SUBSCRIPTION_ID } from '../../../src/sandbox/data/seed-ids';

const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
/** Office 365 Extra File Storage: $0.20 per GB a month on a one-year term, so $2.40 a GB for the term. */
const NCE_ADDON = 'CFQ7TTC0LHWM:0001:CFQ7TTC0LHXN';

interface Bought {
  party: TourParty;
  purchaseId: string;
  /** The confirmation card the rep tapped Buy on, and what that tap was answered with. */
  confirm: Card;
  answer: Card;
  /** Approval cards the tap posted to the approval channel. */
  approvalCards: { id: string; card: Card }[];
}

/** The rep picks Contoso, the subscription and the add-on, and taps Buy with `quantity` and the attestation ticked. */
async function buyAddOn(bot: BotUnderTest, chatName: string, subscriptionId: string, addOnId: string, quantity: number): Promise<Bought> {
  const party: TourParty = { bot, rep, chat: personalChat(rep, chatName), locale: 'en-US' };
  const start = await say(party, 'add-on');
  const found = await click(party, start, 'addon.searchCustomer', { query: 'Contoso' });
  const subscriptions = await click(party, found, 'addon.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  const addOns = await click(party, subscriptions, 'addon.pickSubscription', {}, ['subscriptionId', subscriptionId]);
  const confirm = await click(party, addOns, 'addon.pickAddOn', {}, ['addOnId', addOnId]);
  const postedBefore = postsIn(bot, APPROVAL_CHANNEL).length;
  const first = await click(party, confirm, 'addon.buy', { quantity: String(quantity), attest: 'true' });
  // A new-commerce add-on priced for another quantity is priced again first; the second Buy buys.
  const repriced = text(first).includes(`Partner Center priced ${quantity}`);
  const answer = repriced ? await click(party, first, 'addon.buy', { quantity: String(quantity), attest: 'true' }) : first;
  await bot.app.background.idle();
  const purchaseId = String(actionsOf(confirm).get('addon.buy')!.purchaseId);
  return { party, purchaseId, confirm, answer, approvalCards: postsIn(bot, APPROVAL_CHANNEL).slice(postedBefore) };
}

const cardsOf = (calls: BotUnderTest['connector']['calls']): Card[] =>
  calls.flatMap((c) => (c.body.attachments as { content: Card }[] | undefined ?? []).map((a) => a.content));

/** Updates of the rep's card in their chat: how a decision reaches the rep. */
const repCardUpdates = (bot: BotUnderTest, bought: Bought) =>
  cardsOf(bot.connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === bought.party.chat.id));

const patchesOf = (bot: BotUnderTest) => bot.sandbox.requests.filter((r) => r.method === 'PATCH');

function expectValid(cards: Card[]): void {
  for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
}

describe('add-ons follow the approval policy (APPROVAL_THRESHOLD=0)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(async () => {
    expectValid(cardsOf(bot.connector.calls));
    await bot.stop();
  });

  const onApprovalCard = async (user: TeamsUser, cardId: string, verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(user, approvalThread(cardId), cardId, verb, data);
    expect(response.status).toBe(200);
    expectValid([response.body.value]);
    return response.body.value as Card;
  };
  const viewOf = async (user: TeamsUser, approval: { id: string; card: Card }) => {
    const response = await bot.teams.refresh(user, approvalThread(approval.id), approval.id, refreshOf(approval.card));
    expect(response.status).toBe(200);
    return response.body.value as Card;
  };

  it('MyAnalytics for Contoso\'s E3 waits for an approver, who sees it with its price unknown; approval places it once', async () => {
    const bought = await buyAddOn(bot, 'addon-approve', CONTOSO_E3_SUBSCRIPTION_ID, MY_ANALYTICS, 3);
    expect(text(bought.answer)).toContain('Waiting for approval');
    expect(patchesOf(bot)).toHaveLength(0);
    expect((await bot.app.purchases.load(bought.purchaseId))!.purchase).toMatchObject({
      kind: 'addon', status: 'awaiting_approval', lines: [{ quantity: 3 }],
      approval: { requestedBy: { aadObjectId: rep.aadObjectId }, attestation: { partnerOfRecord: true } },
    });

    expect(bought.approvalCards).toHaveLength(1);
    const [approval] = bought.approvalCards;
    for (const shown of ['Approval needed: Contoso Ltd', 'Requested by Rita Rep', 'Office 365 Enterprise E3', '3 × Microsoft MyAnalytics', 'Not known: Partner Center gives no price']) {
      expect(text(approval.card)).toContain(shown);
    }
    expect(text(approval.card)).not.toContain('Cart expires');

    // Buy tapped again on the same card: the rep sees the wait; nothing is asked or bought twice.
    const again = await click(bought.party, bought.confirm, 'addon.buy', { quantity: '3', attest: 'true' });
    await bot.app.background.idle();
    expect(text(again)).toContain('Waiting for approval');
    expect(postsIn(bot, APPROVAL_CHANNEL).filter((p) => text(p.card).includes(bought.purchaseId))).toHaveLength(1);

    const approve = actionsOf(await viewOf(anna, approval)).get('approval.approve')!;
    expect(actionsOf({ ...(await viewOf(bystander, approval)), refresh: undefined }).size).toBe(0);
    const before = await bot.app.purchases.load(bought.purchaseId);
    const refused = await onApprovalCard(bystander, approval.id, 'approval.approve', approve);
    expect(text(refused)).toContain('Only an approver can decide');
    expect((await bot.app.purchases.load(bought.purchaseId))!.eTag).toBe(before!.eTag);

    const decided = await onApprovalCard(anna, approval.id, 'approval.approve', { ...approve, reason: '' });
    await bot.app.background.idle();
    expect(text(decided)).toContain('Approved by Anna Approver');
    const twice = await onApprovalCard(anna, approval.id, 'approval.approve', approve);
    await bot.app.background.idle();
    expect(text(twice)).toContain('already decided');

    const patches = patchesOf(bot);
    expect(patches).toHaveLength(1);
    expect(patches[0].path).toBe(`/v1/customers/${CONTOSO_ID}/orders/${CONTOSO_E3_ORDER_ID}`);
    expect(patches[0].body).toMatchObject({ lineItems: [{ offerId: MY_ANALYTICS, quantity: 3, parentSubscriptionId: CONTOSO_E3_SUBSCRIPTION_ID }] });
    expect((await bot.app.purchases.load(bought.purchaseId))!.purchase.status).toBe('ordered');
    expect(text(updatesOf(bot, approval.id).at(-1)!)).toContain('Approved by Anna Approver');
    const told = repCardUpdates(bot, bought).at(-1)!;
    expect(text(told)).toContain('Approved by Anna Approver');
    expect(text(told)).toContain(`Order ${orderRef(CONTOSO_E3_ORDER_ID)}`);
    expect(textBlocks(told).join(' ')).not.toMatch(GUID);

    const trail = await bot.app.audit.listFor({ purchaseId: bought.purchaseId });
    expect(trail.map((r) => r.action).filter((action) => /^(approval|checkout)\./.test(action))).toEqual([
      'approval.requested', 'approval.cardPosted', 'approval.refused', 'approval.approved', 'checkout.started', 'checkout.ordered',
    ]);
  });

  it('a rejected add-on goes back to the rep, who can buy it again for a new decision', async () => {
    const patchesBefore = patchesOf(bot).length;
    const bought = await buyAddOn(bot, 'addon-reject', CONTOSO_E3_SUBSCRIPTION_ID, MY_ANALYTICS, 2);
    const [approval] = bought.approvalCards;
    const reject = actionsOf(await viewOf(anna, approval)).get('approval.reject')!;
    const rejected = await onApprovalCard(anna, approval.id, 'approval.reject', { ...reject, reason: 'Not this quarter' });
    await bot.app.background.idle();
    expect(text(rejected)).toContain('Rejected by Anna Approver');
    expect((await bot.app.purchases.load(bought.purchaseId))!.purchase.status).toBe('priced');

    const told = repCardUpdates(bot, bought).at(-1)!;
    expect(text(told)).toContain('Not this quarter');
    expect(text(told)).toContain('buy again');
    expect([...actionsOf(told).keys()]).toEqual(['cart.show']);
    const confirm = await click(bought.party, told, 'cart.show');
    expect(text(confirm)).toContain('Buy Microsoft MyAnalytics');
    const resent = await click(bought.party, confirm, 'addon.buy', { quantity: '1', attest: 'true' });
    await bot.app.background.idle();
    expect(text(resent)).toContain('Waiting for approval');

    const requests = postsIn(bot, APPROVAL_CHANNEL).filter((p) => text(p.card).includes(bought.purchaseId));
    expect(requests).toHaveLength(2);
    expect(text(requests[1].card)).toContain('1 × Microsoft MyAnalytics');
    expect((await bot.app.purchases.load(bought.purchaseId))!.purchase.approval!.requestId).not.toBe(reject.requestId);
    expect(patchesOf(bot)).toHaveLength(patchesBefore);
  });
});

describe('what an add-on costs, against APPROVAL_THRESHOLD=100', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '100', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('a new-commerce add-on costs its price × the quantity bought; a legacy one, with no price, always needs an approver', async () => {
    const small = await buyAddOn(bot, 'nce-10', CONTOSO_E5_SUBSCRIPTION_ID, NCE_ADDON, 10);
    expect(text(small.answer)).toContain('Order placed for Contoso Ltd');
    expect(small.approvalCards).toHaveLength(0);

    const large = await buyAddOn(bot, 'nce-50', CONTOSO_E5_SUBSCRIPTION_ID, NCE_ADDON, 50);
    expect(text(large.answer)).toContain('Waiting for approval');
    expect(large.approvalCards).toHaveLength(1);
    expect(text(large.approvalCards[0].card)).toContain('50 × Office 365 Extra File Storage (per GB)');
    expect(text(large.approvalCards[0].card)).toMatch(/Total commitment: \$120\.00/);

    const legacy = await buyAddOn(bot, 'legacy-1', CONTOSO_E3_SUBSCRIPTION_ID, MY_ANALYTICS, 1);
    expect(text(legacy.answer)).toContain('Waiting for approval');
    expect(text(legacy.approvalCards[0].card)).toContain('Not known');
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);
    expect(patchesOf(bot)).toHaveLength(0);
    expectValid([small.answer, large.answer, legacy.answer, ...large.approvalCards.map((a) => a.card), ...legacy.approvalCards.map((a) => a.card)]);
  });
});
