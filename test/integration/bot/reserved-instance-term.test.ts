import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { choicesOf, text } from './card-helpers';
import { lineCardForContoso } from './drive-to-confirmation';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '99999999-9999-4999-8999-999999999999', name: 'Rita Rep', tenantId: 'partner-tenant' };
const RESERVED_VM_INSTANCES = 'DZH318Z0BQ36';
const AZURE_SUBSCRIPTION = 'd526ef3a-35e6-477f-a64c-906f6177fbfa';

/** The rep picks a reservation's term once; its provisioning `duration` follows it (Partner Center refuses a mismatch). */
describe('a reserved instance bought for three years', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  it('asks for no duration and sends duration 3Years with termDuration P3Y; Partner Center prices it without a line error', async () => {
    const chat: TeamsConversation = { id: 'a:personal-ri-term', conversationType: 'personal' };
    const { click, line: lineCard } = await lineCardForContoso(bot, rep, chat, RESERVED_VM_INSTANCES);
    expect(JSON.stringify(lineCard)).not.toContain('"prov_duration"');
    const threeYears = choicesOf(lineCard, 'offer').find((o) => o.value.includes('|P3Y|'));
    if (!threeYears) throw new Error('the reservation has no 3-year choice');
    await click('cart.saveLine', { offer: threeYears.value, quantity: '1', prov_subscriptionId: AZURE_SUBSCRIPTION, prov_scope: 'shared' });
    const review = await click('cart.review');
    expect(text(review)).toContain('1 × 3 years');
    expect(text(review)).toContain('3-year term · $1,416.00 for the term');
    expect(text(review)).not.toMatch(/10010|does not match/);

    const created = bot.sandbox.requests.filter((r) => r.method === 'POST' && r.path === `/v1/customers/${CONTOSO_ID}/carts`).at(-1);
    const [line] = (created?.body as { lineItems: Record<string, unknown>[] }).lineItems;
    expect(line).toMatchObject({ termDuration: 'P3Y', provisioningContext: { subscriptionId: AZURE_SUBSCRIPTION, scope: 'shared', duration: '3Years' } });
    expect(created?.status).toBe(201);
  });
});
