import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import type { Card } from './card-helpers';
import { commandWordOf, manifestCommandTitles } from '../../support/manifest-commands';

const rep: TeamsUser = { id: '29:commands-rep', aadObjectId: '12121212-1212-4121-8121-121212121212', name: 'Rita Rep', tenantId: 'partner-tenant' };
/** A rep who is also an approver: a Partner Cart admin. */
const admin: TeamsUser = { id: '29:commands-admin', aadObjectId: '13131313-1313-4131-8131-131313131313', name: 'Adam Admin', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:commands', conversationType: 'personal' };
/** The commands for admins only, which a rep's menu and help leave out. */
const ADMIN_COMMANDS = ['new order'];

const manifestCommands = manifestCommandTitles();

/** The command words of the help card's FactSet. */
function helpCommands(card: Card): string[] {
  const facts = (card.body as { type: string; facts?: { title: string }[] }[]).find((e) => e.type === 'FactSet')?.facts ?? [];
  return facts.map((f) => commandWordOf(f.title));
}

/**
 * What Teams offers in its command menu (the manifest), what the help card lists and what the bot
 * answers must be the same set: a command in the menu that the bot calls unknown is a broken promise.
 */
describe('commands', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS: admin.aadObjectId, APPROVAL_THRESHOLD: '1000' } });
  });
  afterAll(() => bot.stop());

  const reply = async (text: string, user = rep) => {
    const before = bot.connector.calls.length;
    expect(await bot.teams.message(user, chat, text)).toBe(200);
    return bot.connector.calls.slice(before).filter((c) => c.method === 'POST');
  };
  const helpFor = async (user: TeamsUser) => {
    const [posted] = await reply('help', user);
    return helpCommands((posted.body.attachments as { content: Card }[])[0].content);
  };

  it('lists in the help card exactly the commands of the manifest', async () => {
    expect((await helpFor(rep)).sort()).toEqual([...manifestCommands].sort());
  });

  it('keeps admin tools out of the manifest and of a rep\'s help, lists them to an admin and refuses them to a rep', async () => {
    expect(manifestCommands).toEqual(expect.not.arrayContaining(ADMIN_COMMANDS));
    expect((await helpFor(admin)).sort()).toEqual([...manifestCommands, ...ADMIN_COMMANDS].sort());
    for (const command of ADMIN_COMMANDS) {
      const [refused] = await reply(command);
      expect(JSON.stringify(refused.body)).toContain('This is a tool for the partner\'s Partner Cart administrators (the approvers)');
      const [answered] = await reply(command, admin);
      expect(JSON.stringify(answered.body)).not.toContain('Partner Cart administrators');
      expect(JSON.stringify(answered.body)).not.toContain('I did not understand');
    }
  });

  it.each(manifestCommands)('answers "%s" as a command, not as unknown text', async (title) => {
    const sent = await reply(title);
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(JSON.stringify(call.body)).not.toContain('I did not understand');
  });
});
