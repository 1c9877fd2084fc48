import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { buttonData, choicesOf, submitDataOf, text, type Card } from './card-helpers';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const RESULTS = '19:results@thread.tacv2';
const channel: TeamsConversation = {
  id: '19:sales@thread.tacv2;messageid=1700000000000',
  conversationType: 'channel',
  channelData: { teamsChannelId: '19:sales@thread.tacv2', channel: { id: '19:sales@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
};

/** The card the bot last put on message `activityId` (posted or updated), as the channel shows it. */
function shownCard(bot: BotUnderTest, conversationId: string, activityId: string): Card {
  const calls = bot.connector.calls.filter((c) => c.conversationId === conversationId && (c.activityId === activityId || c.method === 'POST'));
  const last = [...calls].reverse().find((c) => c.method === 'PUT' && c.activityId === activityId) ?? calls[0];
  return ((last.body.attachments as { content: Card }[])[0]).content;
}

describe('in a channel, with Action.Submit (older and mobile clients)', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { RESULTS_CHANNEL_ID: RESULTS } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('answers the @mention in the thread, updates one card in place and announces the order', async () => {
    expect(await bot.teams.message(rep, channel, '<at>Partner Cart</at> new cart')).toBe(200);
    const cardId = 'activity-1';
    const submit = async (verb: string, inputs: Record<string, unknown>) => {
      const before = shownCard(bot, channel.id, cardId);
      expect(await bot.teams.submit(rep, channel, cardId, { ...submitDataOf(before, verb), ...inputs })).toBe(200);
      await bot.app.background.idle();
      return shownCard(bot, channel.id, cardId);
    };
    // One customer and one product match: each search moves on by itself.
    const products = await submit('cart.searchCustomer', { query: 'fabrikam' });
    expect(text(products)).toContain('Fabrikam Inc');
    const line = await submit('cart.searchProduct', { query: 'CFQ7TTC0LH18' });
    const monthly = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))!;
    await submit('cart.saveLine', { offer: monthly.value, quantity: '5' });
    await submit('cart.review', {});
    const result = await submit('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    expect(text(result)).toContain('Order placed for Fabrikam Inc');

    const posts = bot.connector.calls.filter((c) => c.method === 'POST');
    expect(posts.filter((c) => c.conversationId === channel.id)).toHaveLength(1);
    const announcement = posts.find((c) => c.conversationId === RESULTS);
    expect(JSON.stringify(announcement?.body)).toContain('Rita Rep ordered for Fabrikam Inc');
  });
});

describe('a restart mid-conversation on the embedded store', () => {
  let dataDir: string;
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-'));
    sandbox = await startSandbox({ port: 0 });
  });
  afterAll(async () => {
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing: the rep carries on from the last card with a new bot process', async () => {
    const personal: TeamsConversation = { id: 'a:personal-restart', conversationType: 'personal' };
    const first = await startBotUnderTest({ sandbox, storage: await createStorage({ kind: 'embedded', dataDir }) });
    await first.teams.message(rep, personal, 'new cart');
    const card = first.connector.cardsIn(personal.id)[0];
    const search = submitDataOf(card, 'cart.searchCustomer');
    const found = await first.teams.execute(rep, personal, 'activity-1', 'cart.searchCustomer', { ...search, query: 'Contoso' });
    const picked = await first.teams.execute(rep, personal, 'activity-1', 'cart.pickCustomer', buttonData(found.body.value, 'cart.pickCustomer', 'customerId', CONTOSO_ID));
    await first.stop();

    const second = await startBotUnderTest({ sandbox, storage: await createStorage({ kind: 'embedded', dataDir }) });
    const pick = submitDataOf(picked.body.value, 'cart.searchProduct');
    const line = await second.teams.execute(rep, personal, 'activity-1', 'cart.searchProduct', { ...pick, query: 'CFQ7TTC0LF8S' });
    expect(text(line.body.value)).toContain('Office 365 E5');
    const purchase = await second.app.purchases.load(String(pick.purchaseId));
    expect(purchase?.purchase.customer?.name).toBe('Contoso Ltd');
    const trail = await second.app.audit.listFor({ purchaseId: String(pick.purchaseId) });
    expect(trail.map((r) => r.action)).toEqual(['purchase.created', 'customer.chosen', 'product.chosen']);
    await second.stop();
  });
});
