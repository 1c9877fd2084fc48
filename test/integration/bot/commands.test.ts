import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import type { Card } from './card-helpers';
import { commandWordOf, manifestCommandTitles } from '../../support/manifest-commands';

const rep: TeamsUser = { id: '29:commands-rep', aadObjectId: '12121212-1212-4121-8121-121212121212', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:commands', conversationType: 'personal' };

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
    bot = await startBotUnderTest({ env: { APPROVER_IDS: rep.aadObjectId, APPROVAL_THRESHOLD: '1000' } });
  });
  afterAll(() => bot.stop());

  const reply = async (text: string) => {
    const before = bot.connector.calls.length;
    expect(await bot.teams.message(rep, chat, text)).toBe(200);
    return bot.connector.calls.slice(before).filter((c) => c.method === 'POST');
  };

  it('lists in the help card exactly the commands of the manifest', async () => {
    const [posted] = await reply('help');
    const card = (posted.body.attachments as { content: Card }[])[0].content;
    expect(helpCommands(card).sort()).toEqual([...manifestCommands].sort());
  });

  it.each(manifestCommands)('answers "%s" as a command, not as unknown text', async (title) => {
    const sent = await reply(title);
    expect(sent.length).toBeGreaterThan(0);
    for (const call of sent) expect(JSON.stringify(call.body)).not.toContain('I did not understand');
  });
});
