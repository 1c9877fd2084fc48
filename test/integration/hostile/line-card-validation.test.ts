import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { choicesOf, text, type Card } from '../bot/card-helpers';
import { inputOf, messageUnder, warningsOf } from './card-fields';
import { CartDriver } from './cart-driver';
import { changedRecords, observe, partnerCenterWrites, type ObservedState } from './observed-state';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const other: TeamsUser = { id: '29:other', aadObjectId: '22222222-2222-4222-8222-222222222222', name: 'Olaf Other', tenantId: 'partner-tenant' };
const RESERVED_VMS = 'DZH318Z0BQ36';
const FABRIKAM_BOARDS = 'DZH318Z0C0WF';

describe('the line card refuses bad values next to the field and keeps what the rep typed (issue 3)', () => {
  let bot: BotUnderTest;
  let conversations = 0;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** A fresh rep on a fresh line card, in a channel so a card replaced for everyone would show as an update. */
  async function lineCardFor(productId?: string, user = rep): Promise<{ driver: CartDriver; monthly: string }> {
    conversations += 1;
    const conversation: TeamsConversation = { id: `19:line-${conversations}@thread.tacv2`, conversationType: 'channel' };
    const driver = new CartDriver(bot, user, conversation);
    const card = await driver.toLineCard(productId);
    const monthly = choicesOf(card, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))?.value ?? '';
    return { driver, monthly };
  }

  /** Clicks "Add to cart" and checks the refusal changed nothing and went to the clicker only. */
  async function refusedSave(driver: CartDriver, inputs: Record<string, unknown>): Promise<Card> {
    const before: ObservedState = await observe(bot);
    const card = await driver.click('cart.saveLine', inputs);
    const after = await observe(bot);
    expect(changedRecords(before, after)).toEqual([]);
    expect(partnerCenterWrites(bot, before.partnerCenterRequests)).toEqual([]);
    expect(bot.connector.calls.slice(before.connectorCalls)).toEqual([]);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(inputOf(card, 'offer')).toBeDefined();
    return card;
  }

  it('answers text in the quantity with the same card, the message under the quantity and every value kept', async () => {
    const { driver, monthly } = await lineCardFor();
    const card = await refusedSave(driver, { offer: monthly, quantity: 'ten', friendlyName: 'Sales team', promotionId: '' });
    expect(messageUnder(card, 'quantity')).toBe('Enter a whole number from 1 to 300.');
    expect(warningsOf(card)).toEqual(['Enter a whole number from 1 to 300.']);
    expect(inputOf(card, 'quantity')?.value).toBe('ten');
    expect(inputOf(card, 'offer')?.value).toBe(monthly);
    expect(inputOf(card, 'friendlyName')?.value).toBe('Sales team');
  });

  it.each(['0', '301', '-5', '2.5', '1e2', '0x10', ' ', '٣', 'NaN', 'Infinity', '99999999999'])(
    'refuses the quantity %j with the SKU\'s range',
    async (quantity) => {
      const { driver, monthly } = await lineCardFor();
      const card = await refusedSave(driver, { offer: monthly, quantity });
      expect(messageUnder(card, 'quantity')).toBe('Enter a whole number from 1 to 300.');
    },
  );

  it.each([
    ['an unknown SKU', (monthly: string) => monthly.replace(/^[^|]+/, 'ZZ99')],
    ['an availability that is not in the catalog', (monthly: string) => monthly.replace(/\|[^|]+\|/, '|CFQ7TTC0XXXX|')],
    ['a term the availability does not offer', (monthly: string) => monthly.replace('|P1M|monthly', '|P3Y|annual')],
    ['a billing cycle the term does not offer', (monthly: string) => monthly.replace('|P1M|monthly', '|P1M|annual')],
    ['another product\'s plan', () => '0001|CFQ7TTC0VZW5|P1Y|monthly'],
    ['a catalog item id instead of a choice', () => 'CFQ7TTC0LH18:0001:CFQ7TTC0K971'],
  ])('refuses %s next to the plan and keeps the other values', async (_name, craft) => {
    const { driver, monthly } = await lineCardFor();
    const card = await refusedSave(driver, { offer: craft(monthly), quantity: '4', friendlyName: 'Kept' });
    expect(messageUnder(card, 'offer')).toBe('That plan is no longer offered. Choose again.');
    expect(inputOf(card, 'quantity')?.value).toBe(4);
    expect(inputOf(card, 'friendlyName')?.value).toBe('Kept');
    expect(choicesOf(card, 'offer').map((c) => c.value)).not.toContain(craft(monthly));
  });

  it('asks for a plan when none is chosen', async () => {
    const { driver } = await lineCardFor();
    const card = await refusedSave(driver, { offer: '', quantity: '4' });
    expect(messageUnder(card, 'offer')).toBe('Choose a plan.');
  });

  it.each([
    ['an object', 'friendlyName', { $ne: '' }, 'This value cannot be used here. Enter it again.'],
    ['5,000 characters', 'friendlyName', 'n'.repeat(5000), 'Use at most 100 characters.'],
    ['a boolean', 'promotionId', true, 'This value cannot be used here. Enter it again.'],
    ['a date that is not one', 'customTermEndDate', '2027-02-30x', 'Enter a date such as 2027-06-30.'],
    ['a co-termination that is not a date', 'coterm', '__proto__', 'Enter a date such as 2027-06-30.'],
    ['letters as a partner id', 'transactionReseller', 'DROP TABLE', 'Partner IDs are numbers; at most 5 additional resellers.'],
    ['six additional resellers', 'additionalResellers', '1,2,3,4,5,6', 'Partner IDs are numbers; at most 5 additional resellers.'],
  ])('refuses %s in %s with the message under that field', async (_name, field, value, message) => {
    const { driver, monthly } = await lineCardFor();
    const card = await refusedSave(driver, { offer: monthly, quantity: '2', [field]: value });
    const slot = { coterm: 'customTermEndDate', transactionReseller: 'additionalResellers' }[field as string] ?? field;
    expect(messageUnder(card, slot)).toBe(message);
    expect(inputOf(card, 'offer')?.value).toBe(monthly);
    expect(inputOf(card, 'quantity')?.value).toBe(2);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it('refuses a quantity sent as an array, keeping the other values', async () => {
    const { driver, monthly } = await lineCardFor();
    const card = await refusedSave(driver, { offer: monthly, quantity: [3], friendlyName: 'Kept' });
    expect(messageUnder(card, 'quantity')).toBe('This value cannot be used here. Enter it again.');
    expect(inputOf(card, 'friendlyName')?.value).toBe('Kept');
  });

  it('keeps the first 100 characters of an over-long friendly name for the rep to shorten', async () => {
    const { driver, monthly } = await lineCardFor();
    const card = await refusedSave(driver, { offer: monthly, quantity: '2', friendlyName: `${'a'.repeat(100)}${'b'.repeat(900)}` });
    expect(inputOf(card, 'friendlyName')?.value).toBe('a'.repeat(100));
  });

  it('asks for the provisioning values a reserved instance needs, under each missing one', async () => {
    const { driver } = await lineCardFor(RESERVED_VMS);
    const offer = choicesOf(driver.card, 'offer').find((o) => o.value.includes('|P1Y|'))!.value;
    const card = await refusedSave(driver, { offer, quantity: '1', prov_scope: 'shared' });
    expect(messageUnder(card, 'prov_subscriptionId')).toBe('subscriptionId is required for this product.');
    // The reservation's duration follows the chosen term (issue 13): the card never asks for it.
    expect(inputOf(card, 'prov_duration')).toBeUndefined();
    expect(messageUnder(card, 'prov_scope')).toBeUndefined();
    expect(inputOf(card, 'prov_scope')?.value).toBe('shared');
  });

  it('refuses a renewal term a trial cannot renew to', async () => {
    const { driver } = await lineCardFor(FABRIKAM_BOARDS);
    const [trial] = choicesOf(driver.card, 'offer');
    const card = await refusedSave(driver, { offer: trial.value, quantity: '1', renewsTo: 'P5Y' });
    expect(messageUnder(card, 'renewsTo')).toBe('Choose the term the trial renews to from the list.');
  });

  it('speaks the rep\'s language in the message', async () => {
    conversations += 1;
    const conversation: TeamsConversation = { id: `19:line-pl-${conversations}@thread.tacv2`, conversationType: 'channel' };
    await bot.teams.message(rep, conversation, 'new cart', 'pl-PL');
    const driver = new CartDriver(bot, rep, conversation);
    driver.card = bot.connector.cardsIn(conversation.id).at(-1)!;
    const line = await driver.lineCardFromCustomerStep('CFQ7TTC0LH18');
    const offer = choicesOf(line, 'offer')[0].value;
    const card = await refusedSave(driver, { offer, quantity: 'dziesięć' });
    expect(messageUnder(card, 'quantity')).toBe('Podaj liczbę całkowitą od 1 do 300.');
  });

  it('saves a valid line from the catalog, never from what else the payload claims', async () => {
    const { driver, monthly } = await lineCardFor();
    const { purchaseId } = driver.ref();
    const draft = await driver.click('cart.saveLine', {
      offer: monthly, quantity: 3, catalogItemId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5', termDuration: 'P3Y', unitPrice: 0, skuId: '0002',
      productId: 'CFQ7TTC0LF8S', lines: [], owner: other,
    });
    expect(text(draft)).toContain('3 × Microsoft 365 Business Basic');
    const stored = (await bot.app.purchases.load(purchaseId))!.purchase;
    expect(stored.owner.aadObjectId).toBe(rep.aadObjectId);
    expect(stored.lines).toEqual([
      expect.objectContaining({ productId: 'CFQ7TTC0LH18', catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', termDuration: 'P1M', billingCycle: 'monthly', quantity: 3 }),
    ]);
  });

  it('never lets another rep change the purchase with a crafted line', async () => {
    const { driver, monthly } = await lineCardFor();
    const before = await observe(bot);
    const response = await bot.teams.execute(other, driver.conversation, driver.cardId, 'cart.saveLine', { ...driver.actionData('cart.saveLine'), offer: monthly, quantity: '9' });
    const after = await observe(bot);
    expect(text(response.body.value)).toContain('This cart belongs to Rita Rep. Only they can change it.');
    expect(changedRecords(before, after)).toEqual([]);
    expect(bot.connector.calls.slice(before.connectorCalls)).toEqual([]);
  });
});
