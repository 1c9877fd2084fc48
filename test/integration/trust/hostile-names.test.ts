import { plainText } from '../../../src/cards/plain-text';
import { t } from '../../../src/i18n/translate';
import { customers } from '../../../src/sandbox/data/customers';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonData, choicesOf, text, type Card } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { PARTNER_TENANT } from '../harness/local-environment';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { CartDriver } from '../hostile/cart-driver';
import { BUSINESS_BASIC } from '../bot/drive-to-confirmation';
import { shownCard } from '../scale/drive-purchase';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: '[Rita](https://evil.example) **Rep**', tenantId: PARTNER_TENANT };
const HOSTILE = customers.filter((c) => c.domain.endsWith('name.onmicrosoft.com'));

/** Every string Teams renders as markdown: TextBlock texts and fact titles and values. */
function markdownTexts(card: Card): string[] {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') found.push(record.text);
    if (Array.isArray(record.facts)) for (const fact of record.facts as { title?: string; value?: string }[]) found.push(fact.title ?? '', fact.value ?? '');
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

describe('customers named like markup are bought from like any other', () => {
  let bot: BotUnderTest;

  beforeAll(async () => {
    // A 1 ms answer budget: every Partner Center step shows its progress card first (the one that broke on `${…}` names).
    bot = await startBotUnderTest({ answerBudgetMs: 1 });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('has the hostile customers in the sandbox', () => {
    expect(HOSTILE.map((c) => c.companyName)).toEqual(['${purchase.id}', '[click](https://evil.example)', '**bold** _italic_ Ltd', '<at>Everyone</at> Corp']);
  });

  it.each(HOSTILE.map((c) => [c.companyName, c] as const))('buys from %s, showing the name as text on every card', async (name, customer) => {
    const chat: TeamsConversation = { id: `a:hostile-${customer.id}`, conversationType: 'personal' };
    const driver = new CartDriver(bot, rep, chat);
    const seen: Card[] = [];
    const step = async (verb: string, inputs: Record<string, unknown> = {}) => {
      seen.push(await driver.click(verb, inputs));
      // A progress card is replaced in the conversation when the work is done: carry on from that card.
      if (!actionsIn(driver.card)) driver.card = shownCard(bot.connector, chat.id, driver.cardId);
    };
    await driver.start();
    await step('cart.searchCustomer', { query: name.slice(0, 4) });
    // Several matches are one-tap rows; exactly one moves on to the product step by itself.
    if (actionsOf(driver.card).has('cart.pickCustomer')) await step('cart.pickCustomer', buttonData(driver.card, 'cart.pickCustomer', 'customerId', customer.id));
    expect((await bot.app.purchases.load(driver.ref().purchaseId))!.purchase.customer?.id).toBe(customer.id);
    await step('cart.searchProduct', { query: BUSINESS_BASIC });
    const monthly = choicesOf(driver.card, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))!;
    await step('cart.saveLine', { offer: monthly.value, quantity: '1' });
    await step('cart.review');
    const { purchaseId } = driver.ref();
    await step('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();

    const { purchase } = (await bot.app.purchases.load(purchaseId))!;
    expect(purchase.status).toBe('ordered');
    // The pricing progress card, whose title carries the customer's name, was drawn.
    expect(seen.some((card) => text(card).includes(JSON.stringify(t('en-US', 'review.pricing')).slice(1, -1)))).toBe(true);
    const cards = [...seen, ...bot.connector.cardsIn(chat.id)];
    expect(cards.map((card) => text(card)).join('\n')).toContain(JSON.stringify(plainText(name)).slice(1, -1));
    for (const card of cards) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(text(card)).not.toContain(t('en-US', 'failure.text'));
      // Shown, never interpreted: the raw name appears in no markdown text, nor does the rep's display name.
      expect(markdownTexts(card).filter((s) => s.includes(name) || s.includes(rep.name))).toEqual([]);
    }
  });
});

function actionsIn(card: Card): boolean {
  return text(card).includes('"Action.Execute"');
}
