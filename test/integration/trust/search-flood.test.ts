import { t } from '../../../src/i18n/translate';
import { USAGE_LIMITS, UsageLimits } from '../../../src/flows/limits/usage-limits';
import { text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { CartDriver } from '../hostile/cart-driver';
import { refusalsIn } from './refusals';

const flooder: TeamsUser = { id: '29:flood', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Flo Flooder', tenantId: PARTNER_TENANT };
const colleague: TeamsUser = { id: '29:carl', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Carl Colleague', tenantId: PARTNER_TENANT };
const personal = (user: TeamsUser): TeamsConversation => ({ id: `a:personal-${user.id}`, conversationType: 'personal' });
const FLOOD = 120;

describe('one user cannot spend the partner\'s Partner Center quota', () => {
  let bot: BotUnderTest;
  /** Customer searches Partner Center saw (GET /v1/customers with a filter). */
  const customerSearches = () => bot.sandbox.requests.filter((r) => r.method === 'GET' && r.path === '/v1/customers' && r.query.filter).length;
  /** The most calls a bucket can let through in `ms`: its burst plus what it regained meanwhile. */
  const allowedWithin = (ms: number) => USAGE_LIMITS.search.capacity + Math.ceil((ms / 1000) * USAGE_LIMITS.search.perSecond);
  /** The buckets' time stands still: however slow the machine, no bucket refills while the flood runs. */
  const bucketClock = { now: () => 0 };

  beforeAll(async () => {
    bot = await startBotUnderTest({ usageLimits: new UsageLimits(USAGE_LIMITS, bucketClock) });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('bounds a typeahead flood of distinct queries, then shows the flooder a "slow down" card', async () => {
    const driver = new CartDriver(bot, flooder, personal(flooder));
    await driver.start();
    const { purchaseId } = driver.ref();
    const before = customerSearches();
    const started = bucketClock.now();
    const answers = await Promise.all(Array.from({ length: FLOOD }, (_, i) =>
      bot.teams.search(flooder, personal(flooder), 'activity-1', { queryText: `Contoso ${i}`, dataset: 'customers', data: { purchaseId } })));
    const elapsed = bucketClock.now() - started;
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(customerSearches() - before).toBeGreaterThanOrEqual(USAGE_LIMITS.search.capacity);
    expect(customerSearches() - before).toBeLessThanOrEqual(allowedWithin(elapsed));

    const card = await driver.click('cart.searchCustomer', { query: 'Contoso' });
    expect(text(card)).toContain(t('en-US', 'access.slowDown.title'));
    expect(customerSearches() - before).toBeLessThanOrEqual(allowedWithin(bucketClock.now() - started));
    // One audit record when the bucket ran dry, not one per request of the flood.
    const slowedDown = (await refusalsIn(bot)).filter((r) => r.details?.reason === 'slow_down');
    expect(slowedDown).toEqual([expect.objectContaining({ actor: expect.objectContaining({ aadObjectId: flooder.aadObjectId }), details: expect.objectContaining({ use: 'search' }) })]);
  });

  it('serves another rep meanwhile, from the short search cache when the query was asked before', async () => {
    const driver = new CartDriver(bot, colleague, personal(colleague));
    await driver.start();
    const first = await driver.click('cart.searchCustomer', { query: 'Contoso' });
    expect(text(first)).toContain('Contoso');
    const calls = customerSearches();
    await driver.click('cart.searchCustomer', { query: ' contoso ' });
    expect(customerSearches()).toBe(calls);
  });

  it('bounds new drafts per user, with the same card', async () => {
    const chat = personal(colleague);
    const purchasesBefore = (await bot.storage.list('purchases/')).length;
    for (let i = 0; i < USAGE_LIMITS.draft.capacity + 5; i++) await bot.teams.message(colleague, chat, 'new cart');
    const created = (await bot.storage.list('purchases/')).length - purchasesBefore;
    expect(created).toBeLessThanOrEqual(USAGE_LIMITS.draft.capacity);
    const last = bot.connector.cardsIn(chat.id).at(-1)!;
    expect(text(last)).toContain(t('en-US', 'access.slowDown.title'));
    expect(text(last)).toContain(t('en-US', 'access.slowDown.draft'));
  });
});
