import { t } from '../../../src/i18n/translate';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import type { Card } from '../bot/card-helpers';
import { CartDriver } from '../hostile/cart-driver';
import { expectRefused } from './refusals';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: PARTNER_TENANT };
const colleague: TeamsUser = { id: '29:colleague', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Carl Colleague', tenantId: PARTNER_TENANT };
/** An approver from a distributor, in the partner's shared channel: the activity carries the host's tenant. */
const distributorApprover: TeamsUser = {
  id: '29:bruno', aadObjectId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', name: 'Bruno Distributor', tenantId: PARTNER_TENANT, homeTenantId: 'distributor-tenant',
};
const stranger: TeamsUser = { id: '29:stranger', aadObjectId: '33333333-3333-4333-8333-333333333333', name: 'Sam Stranger', tenantId: PARTNER_TENANT, homeTenantId: 'another-tenant' };
const guest: TeamsUser = { id: '29:guest', aadObjectId: '44444444-4444-4444-8444-444444444444', name: 'Gail Guest', tenantId: PARTNER_TENANT, userRole: 'guest' };
const sharedChannel: TeamsConversation = {
  id: '19:shared@thread.tacv2;messageid=1700000000000', conversationType: 'channel',
  channelData: { channel: { id: '19:shared@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
};
const chatOf = (user: TeamsUser): TeamsConversation => ({ id: `a:personal-${user.id}`, conversationType: 'personal' });

describe('who may use the bot', () => {
  let bot: BotUnderTest;
  const lastCard = (conversation: TeamsConversation): Card => bot.connector.cardsIn(conversation.id).at(-1)!;
  const say = async (user: TeamsUser, conversation: TeamsConversation, command: string, locale = 'en-US'): Promise<Card> => {
    expect(await bot.teams.message(user, conversation, command, locale)).toBe(200);
    return lastCard(conversation);
  };

  beforeAll(async () => {
    bot = await startBotUnderTest({
      env: { REP_IDS: rep.aadObjectId, APPROVER_IDS: distributorApprover.aadObjectId, APPROVAL_THRESHOLD: '0' },
    });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('serves a rep of the partner\'s tenant, in a shared channel too', async () => {
    expect(JSON.stringify(await say(rep, sharedChannel, 'new cart'))).toContain('cart.searchCustomer');
    expect(await bot.storage.list('purchases/')).toHaveLength(1);
  });

  it('turns away a user of another tenant in a shared channel, whatever tenant the activity carries', async () => {
    const record = await expectRefused(bot, () => say(stranger, sharedChannel, 'new cart'), 'tenant', 'access.refused.tenant');
    expect(record.actor).toMatchObject({ aadObjectId: stranger.aadObjectId, tenantId: 'another-tenant' });
    expect(record.details).toMatchObject({ conversationTenantId: PARTNER_TENANT, homeTenantId: 'another-tenant', attempted: 'new cart' });
    // The home tenant came from Teams' member lookup on the channel (without `;messageid=`).
    expect(bot.connector.memberLookups).toContainEqual({ conversationId: '19:shared@thread.tacv2', memberId: stranger.id });
  });

  it('turns away the same user\'s typeahead search and card clicks on a rep\'s cart', async () => {
    const driver = new CartDriver(bot, rep, chatOf(rep));
    await driver.start();
    const { purchaseId } = driver.ref();
    await expectRefused(bot, async () => {
      const answer = await bot.teams.search(stranger, sharedChannel, 'activity-1', { queryText: 'Contoso', dataset: 'customers', data: { purchaseId } });
      expect(answer.body).toMatchObject({ value: { results: [] } });
      return undefined;
    }, 'tenant', 'access.refused.tenant');
    await expectRefused(bot, async () => (await bot.teams.execute(stranger, sharedChannel, 'activity-1', 'cart.searchCustomer', { ...driver.actionData('cart.searchCustomer'), query: 'Contoso' })).body.value,
      'tenant', 'access.refused.tenant');
  });

  it('turns away a guest of the partner\'s tenant', async () => {
    const record = await expectRefused(bot, () => say(guest, chatOf(guest), 'new cart'), 'guest', 'access.refused.guest');
    expect(record.details).toMatchObject({ homeTenantId: PARTNER_TENANT, userRole: 'guest' });
  });

  it('turns away a colleague who is not in REP_IDS from buying, but answers what colleagues may use', async () => {
    await expectRefused(bot, () => say(colleague, chatOf(colleague), 'new cart'), 'not_rep', 'access.refused.notRep');
    await expectRefused(bot, () => say(colleague, chatOf(colleague), 'add-on'), 'not_rep', 'access.refused.notRep');
    expect(JSON.stringify(await say(colleague, chatOf(colleague), 'help'))).toContain('new cart');
    expect(JSON.stringify(await say(colleague, chatOf(colleague), 'pending'))).not.toContain(t('en-US', 'access.refused.title'));
  });

  it('keeps `new order` (raw offer ids) for admins, reps who are also approvers: a rep, and an approver of another tenant, are refused', async () => {
    const purchases = (await bot.storage.list('purchases/')).length;
    await expectRefused(bot, () => say(rep, chatOf(rep), 'new order'), 'not_admin', 'access.refused.notAdmin');
    expect(JSON.stringify(await say(rep, chatOf(rep), 'help'))).not.toContain('new order');
    await expectRefused(bot, () => say(distributorApprover, sharedChannel, 'new order'), 'tenant', 'access.refused.tenant');
    expect(await bot.storage.list('purchases/')).toHaveLength(purchases);
  });

  it('lets an approver from another tenant approve only: buying and reading are refused', async () => {
    await expectRefused(bot, () => say(distributorApprover, sharedChannel, 'new cart'), 'tenant', 'access.refused.tenant');
    await expectRefused(bot, () => say(distributorApprover, sharedChannel, 'pending'), 'tenant', 'access.refused.tenant');
    await expectRefused(bot, () => say(distributorApprover, chatOf(distributorApprover), 'status a68736758d9c'), 'tenant', 'access.refused.tenant');
  });

  it('serves only the msteams channel: a Direct Line activity is refused', async () => {
    const directLine: TeamsConversation = { id: 'directline-conversation', conversationType: 'personal' };
    const record = await expectRefused(bot, async () => {
      const answer = await bot.teams.send(rep, directLine, { type: 'message', text: 'new cart', channelId: 'directline' });
      expect(answer.status).toBe(200);
      return lastCard(directLine);
    }, 'channel', 'access.refused.channel');
    expect(bot.connector.memberLookups.filter((l) => l.conversationId === directLine.id)).toEqual([]);
    expect(record.details).toMatchObject({ channelId: 'directline' });
  });

  it('needs from.aadObjectId: the Teams id alone (from.id) is not a person', async () => {
    const chat = chatOf(rep);
    const record = await expectRefused(bot, async () => {
      await bot.teams.send(rep, chat, { type: 'message', text: 'new cart', from: { id: rep.id, name: rep.name } });
      return lastCard(chat);
    }, 'identity', 'access.refused.channel');
    expect(record.actor.aadObjectId).toBe('none');
    expect(record.details).toMatchObject({ fromId: rep.id });
    await expectRefused(bot, async () => {
      await bot.teams.send(rep, chat, { type: 'message', text: 'new cart', from: { id: rep.id, aadObjectId: 'not-a-guid', name: rep.name } });
      return lastCard(chat);
    }, 'identity', 'access.refused.channel');
  });

  it('says it in the user\'s language', async () => {
    await expectRefused(bot, () => say(stranger, chatOf(stranger), 'nowy koszyk', 'pl-PL'), 'tenant', 'access.refused.tenant', 'pl-PL');
  });
});
