import { MAX_CARD_BYTES } from '../../../src/cards/card-guard';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { text, type Card } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData } from '../scale/drive-purchase';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '77777777-7777-4777-8777-777777777777', name: 'Rita Rep', tenantId: 'partner-tenant' };
const auditor: TeamsUser = { id: '29:ann', aadObjectId: '88888888-8888-4888-8888-888888888888', name: 'Ann Approver', tenantId: 'partner-tenant' };
const repChat: TeamsConversation = { id: 'a:personal-audit-rep', conversationType: 'personal' };
const auditorChat: TeamsConversation = { id: 'a:personal-audit-ann', conversationType: 'personal' };

describe('audit <customer or order id>', () => {
  let bot: BotUnderTest;
  let orderId: string;
  let correlationId: string;
  beforeAll(async () => {
    // Upper case in APPROVER_IDS: admins paste ids in any case, Teams sends them lower-case.
    bot = await startBotUnderTest({ env: { APPROVER_IDS: auditor.aadObjectId.toUpperCase() } });
    const confirmation = await driveToConfirmation([bot.teams], bot.connector, rep, repChat);
    await bot.teams.execute(rep, repChat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    await bot.app.background.idle();
    const purchase = (await bot.app.purchases.load(confirmation.purchaseId))!.purchase;
    orderId = purchase.checkout!.result!.orders![0]!.id!;
    correlationId = purchase.correlationId;
  });
  afterAll(async () => {
    await bot.stop();
  });

  const ask = async (user: TeamsUser, conversation: TeamsConversation, command: string, locale = 'en-US'): Promise<Card> => {
    expect(await bot.teams.message(user, conversation, command, locale)).toBe(200);
    const card = bot.connector.cardsIn(conversation.id).at(-1)!;
    expect(adaptiveCardProblems(card)).toEqual([]);
    return card;
  };
  /** The headline of each record on the card: "<time> · <action> · <outcome>". */
  const headlines = (card: Card) =>
    ((card.body as { type: string; items?: { text: string }[] }[]).filter((e) => e.type === 'Container')).map((c) => c.items![0]!.text);

  it('shows an approver the whole trail of the purchase that placed an order, newest first', async () => {
    const card = await ask(auditor, auditorChat, `audit ${orderId.toLowerCase()}`);

    expect(text(card)).toContain(`Audit trail: ${orderId.toLowerCase()}`);
    expect(text(card)).toContain('7 records, newest first.');
    expect(headlines(card).map((h) => h.split(' · ')[1])).toEqual([
      'checkout.ordered', 'checkout.started', 'cart.priced', 'line.added', 'product.chosen', 'customer.chosen', 'purchase.created',
    ]);
    expect(headlines(card)[0]).toMatch(/ UTC · checkout\.ordered · Succeeded$/);
    expect(text(card)).toContain('Rita Rep (partner-tenant)');
    expect(text(card)).toContain(`Orders ${orderId}`);
    expect(text(card)).toContain(`Correlation id ${correlationId}`);
  });

  it('finds the same records by customer id', async () => {
    const card = await ask(auditor, auditorChat, `audit ${CONTOSO_ID}`);
    expect(headlines(card)).toHaveLength(7);
  });

  it('refuses anyone who is not an approver, in their language', async () => {
    const refused = await ask(rep, repChat, `audit ${orderId}`);
    expect(text(refused)).toContain('Only approvers can read the audit trail');
    expect(text(refused)).not.toContain('checkout.');

    const polish = await ask(rep, repChat, `audit ${orderId}`, 'pl-PL');
    expect(text(polish)).toContain('Dziennik audytu mogą czytać tylko osoby zatwierdzające');
  });

  it('keeps the trail out of channels, where others would read it', async () => {
    const channel: TeamsConversation = {
      id: '19:sales@thread.tacv2;messageid=1700000000001',
      conversationType: 'channel',
      channelData: { teamsChannelId: '19:sales@thread.tacv2', channel: { id: '19:sales@thread.tacv2' }, team: { id: '19:team@thread.tacv2' } },
    };
    const card = await ask(auditor, channel, `<at>Partner Cart</at> audit ${orderId}`);
    expect(text(card)).toContain('Ask me in a personal chat');
    expect(text(card)).not.toContain('checkout.');
  });

  it('says when nothing was recorded, and how to ask when the id is not one', async () => {
    expect(text(await ask(auditor, auditorChat, 'audit 00000000-0000-4000-8000-000000000000'))).toContain('Nothing was recorded for');
    expect(text(await ask(auditor, auditorChat, 'audit <script>'))).toContain('followed by a customer id or an order id');
  });

  it('bounds a long trail to the newest 25 records, with a note', async () => {
    const customerId = 'b6f3c0d2-1111-4111-8111-000000000030';
    for (let i = 0; i < 30; i += 1) {
      await bot.app.audit.append({ actor: { aadObjectId: rep.aadObjectId, tenantId: rep.tenantId, name: rep.name }, action: `step.${i}`, customerId, outcome: 'succeeded' });
    }
    const card = await ask(auditor, auditorChat, `audit ${customerId}`);

    expect(headlines(card)).toHaveLength(25);
    expect(headlines(card)[0]).toContain('step.29');
    expect(text(card)).toContain('The newest 25 of 30 records.');
  });

  it('shows fewer records when long names and ids would break the card size limit', async () => {
    const customerId = 'b6f3c0d2-1111-4111-8111-000000000040';
    for (let i = 0; i < 40; i += 1) {
      await bot.app.audit.append({
        actor: { aadObjectId: rep.aadObjectId, tenantId: '租'.repeat(200), name: 'Ž'.repeat(200) },
        action: `step.${String(i).padStart(2, '0')}${'y'.repeat(200)}`,
        customerId,
        cartId: 'c'.repeat(200),
        orderIds: Array.from({ length: 10 }, (_, n) => `${'😀'.repeat(100)}${n}`),
        correlationId: 'k'.repeat(200),
        outcome: 'conflict',
      });
    }
    const card = await ask(auditor, auditorChat, `audit ${customerId}`);

    const shown = headlines(card).length;
    expect(shown).toBeGreaterThan(5);
    expect(shown).toBeLessThan(25);
    expect(headlines(card)[0]).toContain('step.39');
    expect(text(card)).toContain(`The newest ${shown} of 40 records.`);
    expect(text(card)).toContain('Not applied: someone acted first');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
  });
});
