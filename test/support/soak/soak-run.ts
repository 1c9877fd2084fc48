import { performance } from 'node:perf_hooks';
import { actionsOf, buttonData, text, type Card } from '../../integration/bot/card-helpers';
import { clicksOn, draftForContoso, cardAfterProgress, type Click } from '../../integration/bot/drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../../integration/harness/bot-under-test';
import { startClockedWorld } from '../../integration/harness/clocked-world';
import type { TeamsConversation, TeamsUser } from '../../integration/harness/teams-client';
import { SeededRandom } from '../../integration/hostile/seeded-random';
import type { ManualClock } from '../../integration/status/manual-clock';
import { skippingSendClock } from './skipping-send-clock';
import { pickFault, type SoakFault } from './soak-faults';
import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
/** Carts most often; orders of offers (POST /orders) and legacy add-ons (PATCH of the base order) too. */
const KINDS = ['cart', 'cart', 'cart', 'cart', 'order', 'addon'] as const;
type Kind = (typeof KINDS)[number];
/** The request that places each kind of purchase: where the fault is injected. */
const PLACING_PATH: Record<Kind, string> = { cart: '/checkout$', order: `/customers/${CONTOSO_ID}/orders$`, addon: '/orders/[^/]+$' };
const PROGRESS = ['Placing the order…', 'Checking with Partner Center…'];
/** What every failure card must carry: the code (or HTTP status, or the transport error), then the ids. */
const SUPPORT_LINE = /(Code \S+|HTTP \d+|No answer from Partner Center \(.+?\)) · correlation id [0-9a-f-]{36} · request id [0-9a-f-]{36}/;
/** The bot retries less than in production so that dropped answers often outlast its retries. */
const SOAK_RETRY = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

interface SoakOptions {
  seed: number;
  purchases: number;
  reps: number;
}

interface SoakReport {
  seed: number;
  purchases: number;
  kinds: Record<string, number>;
  faults: Record<string, number>;
  outcomes: Record<string, number>;
  clicks: number;
  /** Purchases whose placement got no answer and went to the outcome resolver. */
  unknownOutcomes: number;
  doubleOrders: number;
  lostPurchases: number;
  falseNothingBought: number;
  stuckProgressCards: number;
  http5xx: number;
  failureCardsWithoutIds: number;
  slowestAnswerMs: number;
  /** One line per broken invariant: purchase number, fault and what went wrong. */
  problems: string[];
}

interface Answer {
  card: Card;
  /** How many Bot Connector calls had arrived when the answer came back: orders it against updates. */
  callsBefore: number;
}

/**
 * A bounded, seeded soak of the whole bot over HTTP, on the sandbox with injected faults: purchases
 * (carts and orders of offers) by several reps in personal chats and channels, "Place order" clicked
 * once, twice or three times at once, clicks redelivered under the same activity id, and stale cards
 * clicked after the outcome. Time is a hand-moved clock, so answers Partner Center never gave are
 * resolved by moving it, not by waiting. The same seed replays the same run.
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const random = new SeededRandom(options.seed);
  const world = await startClockedWorld(new Date('2026-03-02T08:00:00Z'));
  const { clock, connector, sandbox } = world;
  const reps = Array.from({ length: options.reps }, (_, i) => repNumber(i));
  // `new order` is an admin's tool: every soak rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
  const bot = await startBotUnderTest({ sandbox, connector, timer: clock, partnerCenterRetry: SOAK_RETRY, answerBudgetMs: 20,
    outbound: { clock: skippingSendClock() }, env: { APPROVER_IDS: reps.map((r) => r.user.aadObjectId).join(',') },
  });
  const report: SoakReport = {
    seed: options.seed, purchases: options.purchases, kinds: {}, faults: {}, outcomes: {}, clicks: 0, unknownOutcomes: 0, doubleOrders: 0, lostPurchases: 0,
    falseNothingBought: 0, stuckProgressCards: 0, http5xx: 0, failureCardsWithoutIds: 0, slowestAnswerMs: 0, problems: [],
  };
  try {
    for (let n = 1; n <= options.purchases; n += 1) {
      const rep = random.pick(reps);
      const where = random.chance(0.5) ? rep.chat : rep.channel;
      await onePurchase({ bot, clock, random, report, n, user: rep.user, conversation: where });
    }
  } finally {
    await bot.stop();
    await world.stop();
  }
  return report;
}

function repNumber(i: number) {
  const hex = (i + 1).toString(16).padStart(12, '0');
  const user: TeamsUser = { id: `29:soak-rep-${i + 1}`, aadObjectId: `5a000000-0000-4000-8000-${hex}`, name: `Soak Rep ${i + 1}`, tenantId: 'partner-tenant' };
  const chat: TeamsConversation = { id: `a:soak-chat-${i + 1}`, conversationType: 'personal' };
  const channel: TeamsConversation = {
    id: `19:soak-sales@thread.tacv2;messageid=${i + 1}`, conversationType: 'channel',
    channelData: { teamsChannelId: '19:soak-sales@thread.tacv2', channel: { id: '19:soak-sales@thread.tacv2' }, team: { id: '19:soak-team@thread.tacv2' } },
  };
  return { user, chat, channel };
}

interface PurchaseRun {
  bot: BotUnderTest;
  clock: ManualClock;
  random: SeededRandom;
  report: SoakReport;
  n: number;
  user: TeamsUser;
  conversation: TeamsConversation;
}

async function onePurchase(run: PurchaseRun): Promise<void> {
  const { bot, clock, random, report, n, user, conversation } = run;
  const cardId = `soak-card-${n}`;
  const kind = random.pick(KINDS);
  report.kinds[kind] = (report.kinds[kind] ?? 0) + 1;
  const answers: Answer[] = [];
  const confirm = await KIND_CONFIRMATION[kind](run, cardId);
  const verb = kind === 'addon' ? 'addon.buy' : 'cart.placeOrder';
  const button = actionsOf(confirm).get(verb);
  if (!button) throw new Error(`soak purchase ${n}: no confirmation card: ${text(confirm).slice(0, 300)}`);
  const place = { ...button, ...(kind === 'addon' ? { quantity: '1', attest: 'true' } : { attestPartnerOfRecord: 'true' }) };
  const purchaseId = String(button.purchaseId);
  const fault = pickFault(random, PLACING_PATH[kind], kind === 'cart');
  report.faults[fault.name] = (report.faults[fault.name] ?? 0) + 1;
  const ordersBefore = await orderIdsOfContoso(bot);
  const addOnsBefore = await addOnSubscriptionsOfE3(bot);

  bot.sandbox.knobs.set(fault.knobs);
  const execute = async (activityId: string) => {
    const started = performance.now();
    const response = await bot.teams.execute(user, conversation, cardId, verb, place, activityId);
    report.slowestAnswerMs = Math.max(report.slowestAnswerMs, performance.now() - started);
    report.clicks += 1;
    if (response.status >= 500) report.http5xx += 1;
    answers.push({ card: response.body.value, callsBefore: bot.connector.calls.length });
  };
  // Once, twice or three times at once; sometimes Teams redelivers one of the clicks as well.
  const clickIds = Array.from({ length: 1 + random.int(3) }, (_, i) => `soak-${n}-place-${i}`);
  const redelivered = random.chance(0.4) ? [random.pick(clickIds)] : [];
  await Promise.all([...clickIds, ...redelivered].map((id) => execute(id)));
  await bot.app.background.idle();
  bot.sandbox.knobs.reset();
  if ((await bot.app.purchases.load(purchaseId))!.purchase.status === 'outcome_unknown') report.unknownOutcomes += 1;
  await settle(bot, clock, purchaseId);
  // A late redelivery and a stale card clicked after the outcome: neither may move anything.
  if (random.chance(0.5)) await execute(clickIds[0]);
  if (random.chance(0.5)) await execute(`soak-${n}-stale`);
  await bot.app.background.idle();

  const purchase = (await bot.app.purchases.load(purchaseId))!.purchase;
  report.outcomes[purchase.status] = (report.outcomes[purchase.status] ?? 0) + 1;
  // A legacy add-on extends its base order (PATCH): what it placed is a new add-on subscription.
  const placed = kind === 'addon'
    ? Array.from({ length: (await addOnSubscriptionsOfE3(bot)) - addOnsBefore })
    : [...(await orderIdsOfContoso(bot))].filter((id) => !ordersBefore.has(id));
  const shown = [...answers.map((a) => a.card), ...cardsOnMessage(bot, conversation, cardId)];
  check(report, n, fault, {
    doubleOrder: placed.length > (purchase.checkout?.result?.orders?.length ?? 0),
    lost: !['ordered', 'failed', 'unconfirmed'].includes(purchase.status) || (placed.length > 0 && purchase.status !== 'ordered'),
    falseNothingBought: placed.length > 0 && shown.some((card) => text(card).includes('Nothing was bought')),
    stuck: PROGRESS.some((title) => text(finalCard(bot, conversation, cardId, answers)).includes(title)),
    failureWithoutIds: shown.some((card) => isFailureCard(card) && !SUPPORT_LINE.test(text(card))),
  });
}

async function addOnConfirmation(run: PurchaseRun, cardId: string): Promise<Card> {
  const { bot, user, conversation } = run;
  const mention = conversation.conversationType === 'channel' ? '<at>Partner Cart</at> ' : '';
  await bot.teams.message(user, conversation, `${mention}add-on`);
  let shown = bot.connector.cardsIn(conversation.id).at(-1)!;
  const step = async (verb: string, inputs: Record<string, unknown>, match?: [string, string]) => {
    const data = match ? buttonData(shown, verb, ...match) : actionsOf(shown).get(verb)!;
    shown = (await bot.teams.execute(user, conversation, cardId, verb, { ...data, ...inputs })).body.value;
  };
  await step('addon.searchCustomer', { query: 'Contoso' });
  await step('addon.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  await step('addon.pickSubscription', {}, ['subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID]);
  await step('addon.pickAddOn', {}, ['addOnId', MY_ANALYTICS]);
  return shown;
}

async function cartConfirmation(run: PurchaseRun, cardId: string): Promise<Card> {
  const click = await start(run, 'new cart', cardId);
  await draftForContoso(click);
  return cardAfterProgress(run.bot, run.conversation, cardId, await click('cart.review'));
}

async function orderConfirmation(run: PurchaseRun, cardId: string): Promise<Card> {
  const click = await start(run, 'new order', cardId);
  await click('order.searchCustomer', { query: 'Contoso' });
  await click('order.pickCustomer', { customerId: CONTOSO_ID });
  const withLine = await click('order.addLine', { offerId: BUSINESS_PREMIUM, quantity: String(1 + run.random.int(5)), billingCycle: 'monthly' });
  if (!actionsOf(withLine).has('order.review')) throw new Error(`soak purchase ${run.n}: the order line was refused: ${text(withLine).slice(0, 300)}`);
  await click('order.review', { billingCycle: 'monthly' });
  return click('cart.confirm');
}

async function start(run: PurchaseRun, command: string, cardId: string): Promise<Click> {
  const { bot, user, conversation } = run;
  const mention = conversation.conversationType === 'channel' ? '<at>Partner Cart</at> ' : '';
  await bot.teams.message(user, conversation, `${mention}${command}`);
  return clicksOn(bot, user, conversation, bot.connector.cardsIn(conversation.id).at(-1)!, cardId);
}

/** Moves the clock (5 minutes at a time, at most 80) until the outcome resolver has nothing left to ask. */
async function settle(bot: BotUnderTest, clock: ManualClock, purchaseId: string): Promise<void> {
  for (let minutes = 0; minutes < 80; minutes += 5) {
    const status = (await bot.app.purchases.load(purchaseId))!.purchase.status;
    if (status !== 'outcome_unknown' && status !== 'checking_out') return;
    clock.advance(5 * 60_000);
    await bot.app.background.idle();
  }
}

const KIND_CONFIRMATION: Record<Kind, (run: PurchaseRun, cardId: string) => Promise<Card>> = {
  cart: cartConfirmation, order: orderConfirmation, addon: addOnConfirmation,
};

/** Partner Center read outside the bot, as the partner (the sandbox checks the token like Partner Center). */
function readPartnerCenter(bot: BotUnderTest, path: string): Promise<Response> {
  return fetch(`${bot.sandbox.baseUrl}${path}`, { headers: { Authorization: `Bearer ${bot.sandbox.issueToken()}` } });
}

async function addOnSubscriptionsOfE3(bot: BotUnderTest): Promise<number> {
  const response = await readPartnerCenter(bot, `/v1/customers/${CONTOSO_ID}/subscriptions`);
  return ((await response.json()) as { items: { parentSubscriptionId?: string }[] }).items.filter((s) => s.parentSubscriptionId === CONTOSO_E3_SUBSCRIPTION_ID).length;
}

async function orderIdsOfContoso(bot: BotUnderTest): Promise<Set<string>> {
  const response = await readPartnerCenter(bot, `/v1/customers/${CONTOSO_ID}/orders`);
  return new Set(((await response.json()) as { items: { id: string }[] }).items.map((order) => order.id));
}

function cardsOnMessage(bot: BotUnderTest, conversation: TeamsConversation, cardId: string): Card[] {
  return bot.connector.calls
    .filter((c) => c.method === 'PUT' && c.conversationId === conversation.id && c.activityId === cardId)
    .map((c) => (c.body.attachments as { content: Card }[])[0].content);
}

/**
 * What the rep who clicked last sees in the end: an update of the message replaces every view, an
 * invoke answer only the clicker's; whichever came last.
 */
function finalCard(bot: BotUnderTest, conversation: TeamsConversation, cardId: string, answers: Answer[]): Card {
  const updates = bot.connector.calls
    .map((call, index) => ({ call, index }))
    .filter(({ call }) => call.method === 'PUT' && call.conversationId === conversation.id && call.activityId === cardId);
  const lastAnswer = answers.at(-1)!;
  const lastUpdate = updates.at(-1);
  return lastUpdate && lastUpdate.index >= lastAnswer.callsBefore ? (lastUpdate.call.body.attachments as { content: Card }[])[0].content : lastAnswer.card;
}

function isFailureCard(card: Card): boolean {
  return ['Order not placed', 'Order partly placed', 'Order not confirmed', 'Checking with Partner Center'].some((title) => text(card).includes(title));
}

type Findings = Record<'doubleOrder' | 'lost' | 'falseNothingBought' | 'stuck' | 'failureWithoutIds', boolean>;
type Counter = 'doubleOrders' | 'lostPurchases' | 'falseNothingBought' | 'stuckProgressCards' | 'failureCardsWithoutIds';

const INVARIANTS: readonly (readonly [keyof Findings, Counter, string])[] = [
  ['doubleOrder', 'doubleOrders', 'more orders than the purchase shows'],
  ['lost', 'lostPurchases', 'lost: ordered at Partner Center but not shown as ordered, or left unresolved'],
  ['falseNothingBought', 'falseNothingBought', '"Nothing was bought" shown for a purchase that ordered'],
  ['stuck', 'stuckProgressCards', 'the card still shows progress'],
  ['failureWithoutIds', 'failureCardsWithoutIds', 'a failure card without code, correlation id and request id'],
];

function check(report: SoakReport, n: number, fault: SoakFault, found: Findings): void {
  for (const [finding, counter, what] of INVARIANTS) {
    if (!found[finding]) continue;
    report[counter] += 1;
    report.problems.push(`purchase ${n} (${fault.name}): ${what}`);
  }
}
