import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, buttonData, choicesOf, text, type Card } from './card-helpers';
import { clicksOn, driveToConfirmation, type Click } from './drive-to-confirmation';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

const OFFICE_365_E5 = 'CFQ7TTC0LF8S';

const regular: TeamsUser = { id: '29:regular', aadObjectId: '71717171-7171-4171-8171-717171717171', name: 'Rita Regular', tenantId: 'partner-tenant' };
const newcomer: TeamsUser = { id: '29:newcomer', aadObjectId: '72727272-7272-4272-8272-727272727272', name: 'Nina Newcomer', tenantId: 'partner-tenant' };

/** The value an input of the card shows before the rep touches it. */
function inputValue(card: Card, id: string): unknown {
  let value: unknown;
  JSON.stringify(card, (_key, v: unknown) => {
    const element = v as Record<string, unknown> | null;
    if (element && typeof element === 'object' && element.id === id) value = element.value;
    return v;
  });
  return value;
}

/**
 * A rep on a phone, counted as they would count: every button or row pressed is a tap, ticking the
 * attestation is a tap, opening a drop-down and choosing in it are two; what they type is a typed field.
 * The command that starts the cart is typed too and is not counted (as the add-on's five taps are counted).
 */
class CountingRep {
  taps = 0;
  readonly typed: string[] = [];
  private click: Click = () => Promise.reject(new Error('say a command first'));
  card: Card = {};

  constructor(private readonly bot: BotUnderTest, private readonly user: TeamsUser, private readonly chat: TeamsConversation) {}

  async say(command: string): Promise<Card> {
    await this.bot.teams.message(this.user, this.chat, command);
    this.card = this.bot.connector.cardsIn(this.chat.id).at(-1)!;
    this.click = clicksOn(this.bot, this.user, this.chat, this.card);
    return this.card;
  }

  /** One tap on the button or row with `verb` (the row whose data has `match`), with what the card's inputs hold. */
  async tap(verb: string, inputs: Record<string, unknown> = {}, match?: [string, string]): Promise<Card> {
    this.taps += 1;
    const row = match ? buttonData(this.card, verb, ...match) : {};
    this.card = await this.click(verb, { ...row, ...inputs });
    return this.card;
  }

  type(field: string, value: string): string {
    this.typed.push(field);
    return value;
  }

  /** Opens a drop-down and chooses in it: two taps. */
  choose(value: string): string {
    this.taps += 2;
    return value;
  }

  tick(): 'true' {
    this.taps += 1;
    return 'true';
  }
}

describe('taps to a one-line cart, counted card by card over HTTP as a rep on a phone would', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(() => bot.stop());

  it('buys again for a customer the rep bought for before in 6 taps and one typed field, the quantity', async () => {
    // Last week the rep bought for Contoso, which already had Office 365 E5 (1 year, billed monthly).
    const earlierChat: TeamsConversation = { id: 'a:taps-earlier', conversationType: 'personal' };
    const earlier = await driveToConfirmation(bot, regular, earlierChat);
    await bot.teams.execute(regular, earlierChat, 'activity-1', 'cart.placeOrder', { ...actionsOf(earlier).get('cart.placeOrder')!, attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();

    const rep = new CountingRep(bot, regular, { id: 'a:taps-again', conversationType: 'personal' });
    await rep.say('new cart');
    const products = await rep.tap('cart.pickCustomer', {}, ['customerId', CONTOSO_ID]);
    expect(text(products)).toContain('Contoso Ltd');
    const line = await rep.tap('cart.pickProduct', {}, ['choice', OFFICE_365_E5]);
    // The choice of the customer's subscription is already chosen: the rep only types the quantity.
    const asBefore = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1Y|monthly'))!;
    expect(inputValue(line, 'offer')).toBe(asBefore.value);
    const draft = await rep.tap('cart.saveLine', { offer: inputValue(line, 'offer'), quantity: rep.type('quantity', '4') });
    expect(text(draft)).toContain('4 × Office 365 E5');
    await rep.tap('cart.review');
    const ordered = await rep.tap('cart.placeOrder', { attestPartnerOfRecord: rep.tick() });
    await bot.app.background.idle();

    expect(text(ordered)).toMatch(/Placing the order|Order placed for Contoso Ltd/);
    expect(rep.taps).toBe(6);
    expect(rep.typed).toEqual(['quantity']);
  });

  it('makes a first purchase for a customer new to the rep in 8 taps plus the search texts and the quantity', async () => {
    const rep = new CountingRep(bot, newcomer, { id: 'a:taps-first', conversationType: 'personal' });
    const start = await rep.say('new cart');
    expect(actionsOf(start).has('cart.pickCustomer')).toBe(false);
    // One customer and one product match: each search moves on by itself.
    const products = await rep.tap('cart.searchCustomer', { query: rep.type('customer search', 'Fabrikam') });
    expect(text(products)).toContain('Fabrikam Inc');
    const line = await rep.tap('cart.searchProduct', { query: rep.type('product search', 'Business Basic') });
    expect(text(line)).toContain('Microsoft 365 Business Basic');
    const monthly = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1M|monthly'))!;
    await rep.tap('cart.saveLine', { offer: rep.choose(monthly.value), quantity: rep.type('quantity', '5') });
    await rep.tap('cart.review');
    const ordered = await rep.tap('cart.placeOrder', { attestPartnerOfRecord: rep.tick() });
    await bot.app.background.idle();

    expect(text(ordered)).toMatch(/Placing the order|Order placed for Fabrikam Inc/);
    expect(rep.taps).toBe(8);
    expect(rep.typed).toEqual(['customer search', 'product search', 'quantity']);
  });

  it('starts "new cart <customer>" with the search done: one match opens the product step', async () => {
    const rep = new CountingRep(bot, newcomer, { id: 'a:taps-argument', conversationType: 'personal' });
    const products = await rep.say('new cart fabrikam');
    expect(text(products)).toContain('Fabrikam Inc');
    expect(actionsOf(products).has('cart.searchProduct')).toBe(true);
    const several = await rep.say('new cart contoso');
    expect(buttonData(several, 'cart.pickCustomer', 'customerId', CONTOSO_ID)).toBeDefined();
  });
});
