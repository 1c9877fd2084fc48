import { cartRoutes } from '../../../src/flows/cart/cart-routes';
import type { CustomerStepDeps } from '../../../src/flows/customer/customer-deps';
import type { PurchaseDeps } from '../../../src/flows/purchase/purchase-deps';
import { purchaseFeature } from '../../../src/flows/purchase/purchase-feature';
import { t } from '../../../src/i18n/translate';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, text } from '../bot/card-helpers';
import { BUSINESS_BASIC } from '../bot/drive-to-confirmation';
import { CartDriver } from './cart-driver';
import { fuzzCase, type FuzzCase, type FuzzWorld, type Refusal } from './fuzz-cases';
import { NEARLY_ONE_MEGABYTE } from './hostile-values';
import { changedRecords, observe } from './observed-state';
import { SeededRandom } from './seeded-random';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const SEED = 0x5eed_2026;
const CASES = 400;

const owner: TeamsUser = { id: '29:owner', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const intruder: TeamsUser = { id: '29:intruder', aadObjectId: '33333333-3333-4333-8333-333333333333', name: 'Ivan Intruder', tenantId: 'partner-tenant' };
const channel: TeamsConversation = {
  id: '19:deals@thread.tacv2;messageid=1700000000001',
  conversationType: 'channel',
  channelData: { teamsChannelId: '19:deals@thread.tacv2', channel: { id: '19:deals@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
};
const CARD_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The routed verbs, read from the route table itself so a new verb cannot escape the fuzz. */
// The cart's verbs, with the confirmation, "Place order" and "Cancel" the engine routes for carts and orders.
const routedVerbs = [...cartRoutes({} as CustomerStepDeps), ...purchaseFeature({} as PurchaseDeps).routes].map((r) => r.verb.name);

function expectedText(refusal: Refusal, locale: string): string {
  switch (refusal) {
    case 'notOwner':
      return t(locale, 'notOwner.text', { owner: owner.name });
    case 'notFound':
      return t(locale, 'notFound.text');
    case 'badInput':
      return t(locale, 'badInput.text');
    case 'failure':
      return t(locale, 'failure.text');
    default:
      return '';
  }
}

describe('hostile card payloads and invoke values (seeded fuzz)', () => {
  let bot: BotUnderTest;
  let world: FuzzWorld;

  beforeAll(async () => {
    bot = await startBotUnderTest();
    const rep = new CartDriver(bot, owner, channel);
    const draft = await rep.toDraftWithOneLine();
    const lineId = String(actionsOf(draft).get('cart.editLine')?.lineId);
    world = {
      owner,
      intruder,
      target: rep.ref(),
      validInputs: {
        'cart.start': {},
        'cart.searchCustomer': { query: 'Contoso' },
        'cart.pickCustomer': { customerId: CONTOSO_ID },
        'cart.addLine': {},
        'cart.searchProduct': { query: 'Office' },
        'cart.pickProduct': { choice: BUSINESS_BASIC },
        'cart.saveLine': { offer: 'CFQ7TTC0LH18|x|P1M|monthly', quantity: '2', friendlyName: 'Team' },
        'cart.editLine': { lineId },
        'cart.removeLine': { lineId },
        'cart.undoRemove': {},
        'cart.show': {},
        'cart.edit': {},
        'cart.review': {},
        'cart.showRequest': {},
        'cart.confirm': {},
        'cart.placeOrder': { attestPartnerOfRecord: 'true', attestLines: 'true' },
        'cart.cancel': {},
        'cart.restartWithLines': {},
        'cart.buyAgain': {},
      },
    };
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('knows a valid payload for every routed verb', () => {
    expect(Object.keys(world.validInputs).sort()).toEqual([...routedVerbs].sort());
    expect(world.validInputs['cart.editLine'].lineId).toMatch(/^[0-9a-f-]{36}$/);
  });

  async function send(c: FuzzCase): Promise<{ status: number; card?: Record<string, unknown>; problem?: string }> {
    if (c.via === 'execute') {
      const response = await bot.teams.send(c.user, channel, {
        type: 'invoke', name: 'adaptiveCard/action', replyToId: 'activity-1', locale: c.locale,
        value: { action: { type: 'Action.Execute', verb: c.verb, data: c.data }, trigger: 'manual' },
      });
      const body = response.body as { statusCode?: number; type?: string; value?: Record<string, unknown> } | undefined;
      if (body?.statusCode !== 200 || body.type !== CARD_TYPE) return { status: response.status, problem: `invoke answered ${JSON.stringify(body).slice(0, 200)}` };
      return { status: response.status, card: body.value };
    }
    const value = c.data && typeof c.data === 'object' && !Array.isArray(c.data) ? Object.assign(Object.create(null), c.data, { verb: c.verb }) : c.data;
    const response = await bot.teams.send(c.user, channel, { type: 'message', replyToId: 'activity-1', locale: c.locale, value });
    const posted = bot.connector.calls.at(-1);
    return { status: response.status, card: (posted?.body.attachments as { content: Record<string, unknown> }[] | undefined)?.[0]?.content };
  }

  it(`refuses ${CASES} seeded hostile clicks: no crash, no state change, no shared card replaced, nothing sent to Partner Center`, async () => {
    const rng = new SeededRandom(SEED);
    const failures: string[] = [];
    const checkedCards = new Set<string>();
    const covered = { nearlyOneMegabyte: 0, prototypeKeys: 0, classes: new Set<string>() };
    for (let i = 0; i < CASES; i++) {
      const c = fuzzCase(rng, world, routedVerbs);
      const wire = JSON.stringify(c.data) ?? '';
      if (wire.length >= NEARLY_ONE_MEGABYTE) covered.nearlyOneMegabyte += 1;
      if (wire.includes('"__proto__"')) covered.prototypeKeys += 1;
      covered.classes.add(c.acceptable.join('|'));
      const label = `case ${i} (seed ${SEED}, ${c.via}, ${c.locale.slice(0, 12)}): ${c.description}`;
      const before = await observe(bot);
      const answer = await send(c);
      const after = await observe(bot);

      if (answer.status !== 200) failures.push(`${label}: HTTP ${answer.status}`);
      if (answer.problem) failures.push(`${label}: ${answer.problem}`);
      const changed = changedRecords(before, after);
      if (changed.length > 0) failures.push(`${label}: changed ${changed.join(', ')}`);
      if (after.partnerCenterRequests !== before.partnerCenterRequests) failures.push(`${label}: reached Partner Center`);
      const newCalls = bot.connector.calls.slice(before.connectorCalls);
      if (newCalls.some((call) => call.method === 'PUT')) failures.push(`${label}: replaced the shared card`);
      if (c.via === 'execute' && newCalls.length > 0) failures.push(`${label}: posted to the conversation instead of answering the clicker`);

      if (c.acceptable.includes('ignored')) {
        if (newCalls.length > 0) failures.push(`${label}: answered a value that is not a card action`);
        continue;
      }
      const shown = answer.card ? text(answer.card) : '';
      const told = c.acceptable.some((refusal) => shown.includes(expectedText(refusal, c.locale)));
      if (!told) failures.push(`${label}: expected ${c.acceptable.join(' or ')}, got ${shown.slice(0, 300)}`);
      if (answer.card && !checkedCards.has(shown)) {
        checkedCards.add(shown);
        const problems = adaptiveCardProblems(answer.card);
        if (problems.length > 0) failures.push(`${label}: card problems ${problems.join('; ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The seed must keep exercising what the fuzz is for.
    expect(covered.nearlyOneMegabyte).toBeGreaterThan(0);
    expect(covered.prototypeKeys).toBeGreaterThan(20);
    expect([...covered.classes].sort()).toEqual(['badInput', 'failure', 'ignored', 'notFound', 'notOwner', 'notOwner|badInput']);
  });

  it('answers a stale version of every verb with the purchase as it stands, changing nothing', async () => {
    const stale = { ...world.target, version: world.target.version - 1 };
    for (const verb of routedVerbs.filter((v) => v !== 'cart.start')) {
      const before = await observe(bot);
      const response = await bot.teams.execute(owner, channel, 'activity-1', verb, { ...world.validInputs[verb], ...stale });
      const after = await observe(bot);
      expect({ verb, changed: changedRecords(before, after), partnerCenter: after.partnerCenterRequests - before.partnerCenterRequests })
        .toEqual({ verb, changed: [], partnerCenter: 0 });
      expect(response.body.statusCode).toBe(200);
      expect(text(response.body.value)).toContain('Cart for Contoso Ltd');
      expect(text(response.body.value)).toContain(`"version":${world.target.version}`);
    }
  });

  it('still serves the owner afterwards: the untouched cart prices normally', async () => {
    const health = await fetch(`http://127.0.0.1:${bot.app.port}/healthz`);
    expect(health.status).toBe(200);
    const response = await bot.teams.execute(owner, channel, 'activity-1', 'cart.review', { ...world.target });
    await bot.app.background.idle();
    expect(response.body.statusCode).toBe(200);
    expect(text(response.body.value)).toMatch(/Partner Center cart [0-9a-f-]{36}/);
    expect(text(response.body.value)).toContain('2 ×');
  });
});
