import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf } from './card-helpers';
import { WINGTIP_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:other', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Olaf Other', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:typeahead-chat', conversationType: 'personal' };
const SEARCH_RESPONSE = 'application/vnd.microsoft.search.searchResponse';

interface SearchAnswer {
  status: number;
  body: { statusCode: number; type: string; value: { results: { title: string; value: string }[] } };
}

/**
 * What Teams sends when a rep types in the Input.ChoiceSet of a picker posted before the pickers became
 * one-tap rows (such cards may still be open in Teams): the dataset of its `choices.data` Data.Query and,
 * with associatedInputs "auto", the card's other inputs, the hidden purchase id among them.
 */
function searchFrom(picker: { purchaseId: string; dataset: string }, queryText: string, inputs: Record<string, unknown> = {}): Record<string, unknown> {
  return { queryText, dataset: picker.dataset, queryOptions: { skip: 0, top: 15 }, data: { purchaseId: picker.purchaseId, query: '', ...inputs } };
}

describe('typeahead search in the pickers (application/search, as Teams sends it)', () => {
  let bot: BotUnderTest;
  let customerPicker: { purchaseId: string; dataset: string };
  let productPicker: { purchaseId: string; dataset: string };
  let searchesAt = 0;
  const search = async (user: TeamsUser, value: Record<string, unknown>) => (await bot.teams.search(user, chat, 'activity-1', value)) as SearchAnswer;

  beforeAll(async () => {
    bot = await startBotUnderTest();
    await bot.teams.message(rep, chat, 'new cart');
    const start = bot.connector.cardsIn(chat.id).at(-1)!;
    const purchaseId = String(actionsOf(start).get('cart.searchCustomer')!.purchaseId);
    customerPicker = { purchaseId, dataset: 'customers' };
    // The product picker is the cart's once its customer is chosen (Contoso Ltd is the one match).
    await bot.teams.execute(rep, chat, 'activity-1', 'cart.searchCustomer', { ...actionsOf(start).get('cart.searchCustomer')!, query: 'Contoso Ltd' });
    productPicker = { purchaseId, dataset: 'products' };
    searchesAt = bot.sandbox.requests.length;
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('finds customers by name and answers in the search response shape Teams expects', async () => {
    const answer = await search(rep, searchFrom(customerPicker, 'northwind'));
    expect(answer.status).toBe(200);
    expect(answer.body.statusCode).toBe(200);
    expect(answer.body.type).toBe(SEARCH_RESPONSE);
    expect(answer.body.value.results.map((r) => r.title)).toEqual(expect.arrayContaining([
      expect.stringMatching(/^Northwind Traders/), expect.stringMatching(/^Northwind Health/),
    ]));
    for (const result of answer.body.value.results) {
      expect(Object.keys(result).sort()).toEqual(['title', 'value']);
      expect(result.value).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('finds a customer by domain', async () => {
    const answer = await search(rep, searchFrom(customerPicker, 'wingtiptoys.onmicrosoft.com'));
    expect(answer.body.value.results).toEqual([{ title: 'Wingtip Toys (wingtiptoys.onmicrosoft.com)', value: WINGTIP_ID }]);
  });

  it('waits for two characters before searching customers', async () => {
    const requests = bot.sandbox.requests.length;
    const answer = await search(rep, searchFrom(customerPicker, 'c'));
    expect(answer.status).toBe(200);
    expect(answer.body.value.results).toEqual([]);
    expect(bot.sandbox.requests.length).toBe(requests);
  });

  it('finds the customer\'s products, at most 15 of them, even for one letter', async () => {
    const answer = await search(rep, searchFrom(productPicker, 'e'));
    expect(answer.body.type).toBe(SEARCH_RESPONSE);
    expect(answer.body.value.results.length).toBeGreaterThan(0);
    expect(answer.body.value.results.length).toBeLessThanOrEqual(15);
    const office = await search(rep, searchFrom(productPicker, 'office 365 e5'));
    expect(office.body.value.results).toEqual([{ title: 'Office 365 E5', value: 'CFQ7TTC0LF8S' }]);
  });

  it('gives another user nothing from a purchase that is not theirs', async () => {
    for (const picker of [customerPicker, productPicker]) {
      const answer = await search(other, searchFrom(picker, 'contoso'));
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ statusCode: 200, type: SEARCH_RESPONSE, value: { results: [] } });
    }
  });

  it('gives nothing for a purchase that does not exist, a missing id or an unknown dataset', async () => {
    const empty = { statusCode: 200, type: SEARCH_RESPONSE, value: { results: [] } };
    expect((await search(rep, searchFrom(customerPicker, 'contoso', { purchaseId: '0b7e4a59-4a36-4f59-9a53-3f9e3c1c1e11' }))).body).toEqual(empty);
    expect((await search(rep, { ...searchFrom(customerPicker, 'contoso'), data: { query: 'contoso' } })).body).toEqual(empty);
    expect((await search(rep, { ...searchFrom(customerPicker, 'contoso'), dataset: 'purchases' })).body).toEqual(empty);
  });

  it('only reads: no purchase changes, nothing posted, nothing written to Partner Center', async () => {
    const purchaseId = productPicker.purchaseId;
    const version = (await bot.app.purchases.load(purchaseId))!.purchase.version;
    const posted = bot.connector.calls.length;
    await search(rep, searchFrom(productPicker, 'azure'));
    expect((await bot.app.purchases.load(purchaseId))!.purchase.version).toBe(version);
    expect(bot.connector.calls.length).toBe(posted);
    expect(bot.sandbox.requests.slice(searchesAt).filter((r) => r.method !== 'GET')).toEqual([]);
  });
});
