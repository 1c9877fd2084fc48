import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, type Card, detailTexts, GUID, linksOf, text, visibleTexts } from './card-helpers';
import { BUSINESS_BASIC, draftForContoso, saveLine, startCart } from './drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation } from '../harness/teams-client';
import { newChat, placeOrder, rep } from '../faults/checkout-faults';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { cardDateTime } from '../../../src/i18n/card-time';

/**
 * The result card as a rep reads it, through the whole bot over HTTP: each line's price with its period,
 * what falls due each month and each year (never added together) and the whole commitment, order ids in
 * one short form with every id support needs under "Details", the order in Partner Center, Buy again.
 */
describe('the result card', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  /** Contoso: 2 × Business Basic for a month billed monthly, and 3 × Business Basic for a year billed yearly. */
  async function mixedCartToConfirmation(chat: TeamsConversation) {
    const click = await startCart(bot, rep, chat);
    await draftForContoso(click);
    await click('cart.addLine');
    await saveLine(click, await click('cart.searchProduct', { query: BUSINESS_BASIC }), '|P1Y|annual', '3');
    return click('cart.review');
  }

  it('says what falls due each month and each year and the total commitment, with ids under Details and a link to Partner Center', async () => {
    const chat = newChat();
    const order = await placeOrder(bot, chat, await mixedCartToConfirmation(chat));
    const purchase = (await bot.app.purchases.load(order.purchaseId))!.purchase;
    expect(purchase.status).toBe('ordered');
    const visible = visibleTexts(order.answer);
    expect(visible).toContain('Order placed for Contoso Ltd');
    const monthly = visible.find((line) => line.startsWith('Due each month: '));
    const yearly = visible.find((line) => line.startsWith('Due each year: '));
    expect(monthly).toMatch(/^Due each month: \$[\d,.]+$/);
    expect(yearly).toMatch(/^Due each year: \$[\d,.]+$/);
    expect(visible.find((line) => line.startsWith('Total commitment: '))).toMatch(/^Total commitment: \$[\d,.]+$/);
    const amount = (line: string | undefined) => Number(line!.replace(/^.*\$/, '').replace(/,/g, ''));
    // A month of 2 licences plus a year of 3: the commitment is the month's due plus the year's due, not 12 months of both.
    expect(amount(visible.find((line) => line.startsWith('Total commitment: ')))).toBeCloseTo(amount(monthly) + amount(yearly), 2);
    expect(visible.some((line) => / per licence per month · 1-month term · \$[\d,.]+ for the term$/.test(line))).toBe(true);
    expect(visible.some((line) => / per licence per year · 1-year term · \$[\d,.]+ for the term$/.test(line))).toBe(true);
    expect(visible.some((line) => /total/i.test(line) && !line.startsWith('Total commitment'))).toBe(false);

    // One short form for order ids in the body; the whole ids, the cart and the purchase under Details.
    const orderIds = (purchase.checkout!.result!.orders ?? []).map((o) => o.id!);
    expect(orderIds.length).toBeGreaterThan(0);
    for (const title of visible.filter((line) => line.startsWith('Order ') && !line.startsWith('Order placed'))) expect(title).toMatch(/^Order [0-9a-f]{12}…?$/);
    expect(visible.join(' ')).not.toMatch(GUID);
    const details = detailTexts(order.answer);
    for (const id of orderIds) expect(details).toContain(`Order ${id}`);
    expect(details).toContain(`Partner Center cart ${order.cartId}`);
    expect(details).toContain(`Purchase ${purchase.id} · correlation id ${purchase.correlationId}`);
    expect(visible).toContain(`Ordered by Rita Rep · ${cardDateTime(purchase.checkout!.startedAt)}`);
    expect(linksOf(order.answer)).toEqual([{ title: 'Open in Partner Center', url: `https://partner.microsoft.com/dashboard/commerce2/customers/${CONTOSO_ID}/orders` }]);
    expect(adaptiveCardProblems(order.answer)).toEqual([]);
  });

  it('"Buy again" posts a new cart for the same customer with the same lines and leaves the result card as it is', async () => {
    const chat = newChat();
    const order = await placeOrder(bot, chat);
    const buyAgain = actionsOf(order.answer).get('cart.buyAgain')!;
    expect(buyAgain).toBeDefined();
    const before = (await bot.app.purchases.listIds()).length;
    const posts = () => bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat.id);
    const posted = posts().length;

    const answer = (await bot.teams.execute(rep, chat, 'activity-1', 'cart.buyAgain', buyAgain)).body.value;
    expect(visibleTexts(answer)).toContain('Order placed for Contoso Ltd');
    expect(await bot.app.purchases.listIds()).toHaveLength(before + 1);
    expect(posts()).toHaveLength(posted + 1);
    const draft = (posts().at(-1)!.body.attachments as { content: Card }[])[0].content;
    expect(text(draft)).toContain('Contoso Ltd');
    expect(text(draft)).toContain('2 × Microsoft 365 Business Basic');
    const fresh = String(actionsOf(draft).get('cart.review')!.purchaseId);
    expect(fresh).not.toBe(order.purchaseId);
    const stored = (await bot.app.purchases.load(fresh))!.purchase;
    expect(stored).toMatchObject({ status: 'draft', customer: { id: CONTOSO_ID }, lines: [{ quantity: 2 }] });
    expect((await bot.app.purchases.load(order.purchaseId))!.purchase.status).toBe('ordered');

    // Someone else's click is refused and makes no cart.
    const other = { ...rep, id: '29:someone-else', aadObjectId: '55555555-5555-4555-8555-555555555555', name: 'Sam Else' };
    const refused = (await bot.teams.execute(other, chat, 'activity-1', 'cart.buyAgain', buyAgain)).body.value;
    expect(text(refused)).not.toContain('Order placed');
    expect(await bot.app.purchases.listIds()).toHaveLength(before + 1);
  });
});
