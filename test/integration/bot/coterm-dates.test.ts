import { inputOf, messageUnder } from '../hostile/card-fields';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { choicesOf, text } from './card-helpers';
import { lineCardForContoso } from './drive-to-confirmation';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: 'aaaaaaaa-1111-4aaa-8aaa-aaaaaaaaaaaa', name: 'Rita Rep', tenantId: 'partner-tenant' };
const E5 = 'CFQ7TTC0LF8S';
const PERPETUAL_SOFTWARE = 'DG7GMGF0DWTL';
/** Contoso's Office 365 E5 (new commerce, P1Y): the subscription a new annual line may end with. */

/**
 * The end dates a rep can pick are the ones Partner Center lists for the customer and the term
 * (GET …/subscriptions/customTermEndDates), and lines that cannot carry one get no co-term inputs.
 */
describe('co-termination end dates', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());
  const chat = (name: string): TeamsConversation => ({ id: `a:personal-coterm-${name}`, conversationType: 'personal' });

  it('offers Partner Center’s listed dates per term and prices the line with the chosen one', async () => {
    const { click, line } = await lineCardForContoso(bot, rep, chat('listed'), E5);
    const listings = bot.sandbox.requests.filter((r) => r.path.endsWith('/subscriptions/customTermEndDates')).map((r) => r.query['term_duration']);
    expect(listings.sort()).toEqual(['P1M', 'P1Y', 'P3Y']);
    const coterms = choicesOf(line, 'coterm').slice(1);
    expect(coterms.length).toBeGreaterThan(0);
    expect(coterms.every((c) => /^P\d+[MY]\|\d{4}-\d{2}-\d{2}$/.test(c.value))).toBe(true);
    const withE5 = coterms.find((c) => c.value.startsWith('P1Y|') && c.title.includes('Office 365 E5 - head office'));
    if (!withE5) throw new Error(`no P1Y choice aligned with Contoso's E5: ${JSON.stringify(coterms)}`);

    const annual = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1Y|monthly'))!.value;
    await click('cart.saveLine', { offer: annual, quantity: '2', coterm: withE5.value });
    const review = await click('cart.review');
    expect(text(review)).not.toMatch(/Code \d+/);
    const created = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${CONTOSO_ID}/carts`).at(-1);
    const token = bot.sandbox.issueToken();
    const subscription = (await (await fetch(`${bot.sandbox.baseUrl}/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`, {
      headers: { Authorization: `Bearer ${token}` },
    })).json()) as { commitmentEndDate: string };
    expect(created?.body).toMatchObject({ lineItems: [{ termDuration: 'P1Y', customTermEndDate: `${subscription.commitmentEndDate.slice(0, 10)}T00:00:00Z` }] });
  });

  it('refuses a date listed for another term than the one picked, and a date Partner Center does not list', async () => {
    const { click, line } = await lineCardForContoso(bot, rep, chat('other-term'), E5);
    const cartsBefore = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length;
    const annualDate = choicesOf(line, 'coterm').find((c) => c.value.startsWith('P1Y|'))!.value;
    const monthly = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))!.value;
    const otherTerm = await click('cart.saveLine', { offer: monthly, quantity: '2', coterm: annualDate });
    expect(messageUnder(otherTerm, 'customTermEndDate')).toBe('That end date is listed for a 1 year term: choose one listed for the term you picked.');
    const unlisted = await click('cart.saveLine', { offer: monthly, quantity: '2', coterm: 'none', customTermEndDate: '2031-01-15' });
    expect(messageUnder(unlisted, 'customTermEndDate')).toBe('Partner Center does not allow this end date for this term. Choose one of the listed dates.');
    expect(bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts'))).toHaveLength(cartsBefore);
  });

  it('shows no co-term inputs for perpetual software, and refuses an end date sent anyway', async () => {
    const { click, line } = await lineCardForContoso(bot, rep, chat('software'), PERPETUAL_SOFTWARE);
    expect(inputOf(line, 'coterm')).toBeUndefined();
    expect(inputOf(line, 'customTermEndDate')).toBeUndefined();
    const offer = choicesOf(line, 'offer')[0]!.value;
    const refused = await click('cart.saveLine', { offer, quantity: '1', customTermEndDate: '2031-01-31' });
    expect(text(refused)).toContain('This choice cannot take a custom end date');
  });
});
