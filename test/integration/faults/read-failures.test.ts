import { actionsOf, buttonData, text, type Card } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { CONTOSO_ID as CONTOSO } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:read-rep', aadObjectId: 'b0000000-0000-4000-8000-0000000000b1', name: 'Rhea Read', tenantId: 'partner-tenant' };
/** Two attempts, no waiting: a 503 outlasts the client's retries at once. */
const IMPATIENT = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 };

/**
 * A Partner Center read behind a click that fails (an outage here) is shown to the rep with its code and
 * correlation id, not turned into "pick a customer"; the rep's purchase is kept and the same tap works
 * once Partner Center answers again.
 */
describe('a failed read behind a customer tap', () => {
  let bot: BotUnderTest;
  // A bot per case: the customer record one case reads is cached for a minute, and would hide the next case's outage.
  beforeEach(async () => {
    // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
    bot = await startBotUnderTest({ partnerCenterRetry: IMPATIENT, env: { APPROVER_IDS: rep.aadObjectId } });
  });
  afterEach(() => bot.stop());

  const click = async (chat: TeamsConversation, verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(rep, chat, 'activity-1', verb, data);
    expect(response.status).toBe(200);
    return response.body.value as Card;
  };
  const customerStep = async (chat: TeamsConversation, command: string, searchVerb: string) => {
    expect(await bot.teams.message(rep, chat, command)).toBe(200);
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    return click(chat, searchVerb, { ...actionsOf(start).get(searchVerb)!, query: 'Contoso' });
  };
  const outage = () => bot.sandbox.knobs.set({ serverErrors: { count: 10, status: 503, pathPattern: `/customers/${CONTOSO}$` } });

  it.each([
    ['add-on', 'addon.searchCustomer', 'addon.pickCustomer', 'Which subscription?'],
    ['new order', 'order.searchCustomer', 'order.pickCustomer', 'Contoso'],
  ])('`%s`: shows the outage with its code and correlation id, then carries on', async (command, searchVerb, pickVerb, next) => {
    const chat: TeamsConversation = { id: `a:read-${command.replace(' ', '-')}`, conversationType: 'personal' };
    const found = await customerStep(chat, command, searchVerb);
    const pick = buttonData(found, pickVerb, 'customerId', CONTOSO);
    const purchase = (await bot.app.purchases.load(String(pick.purchaseId)))!.purchase;

    outage();
    const refused = await click(chat, pickVerb, pick);
    expect(text(refused)).not.toContain('Pick a customer from the list first.');
    expect(text(refused)).toContain('Try again after some time');
    expect(text(refused)).toContain('Code 900192');
    expect(text(refused)).toContain(`correlation id ${purchase.correlationId}`);
    expect((await bot.app.purchases.load(purchase.id))!.purchase.version).toBe(purchase.version);

    bot.sandbox.knobs.reset();
    const picked = await click(chat, pickVerb, pick);
    expect(text(picked)).toContain(next);
    expect(text(picked)).not.toContain('correlation id');
  });
});
