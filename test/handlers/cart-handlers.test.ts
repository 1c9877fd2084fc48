import { t } from '../../src/i18n/translate';
import { choicesOf, text } from '../integration/bot/card-helpers';
import { BUSINESS_BASIC } from '../integration/bot/drive-to-confirmation';
import { startHandlerHarness, type HandlerHarness } from './handler-harness';

describe('cart handlers, in process', () => {
  let harness: HandlerHarness;
  beforeAll(async () => {
    harness = await startHandlerHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  /** `new cart`, Contoso, Business Basic: the line card. */
  async function lineCard() {
    const start = await harness.say('new cart');
    // One match each: the customer search moves on to the product step, the product search to the line card.
    const products = await harness.click(start.card, 'cart.searchCustomer', { query: 'Contoso Ltd' });
    return (await harness.click(products.card, 'cart.searchProduct', { query: BUSINESS_BASIC })).card;
  }

  it('adds a line and prices it in a Partner Center cart', async () => {
    const line = await lineCard();
    const monthly = choicesOf(line!, 'offer').find((o) => o.value.endsWith('|P1M|monthly'));
    const draft = await harness.click(line, 'cart.saveLine', { offer: monthly?.value, quantity: '2' });
    expect(text(draft.card!)).toContain('2 ×');
    const cartsBefore = harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length;
    const priced = await harness.click(draft.card, 'cart.review');
    expect(text(priced.card!)).toMatch(/Partner Center cart [0-9a-f-]{36}/);
    expect(harness.sandbox.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length).toBe(cartsBefore + 1);
  });

  it('keeps what the rep typed and says why when the quantity is not a whole number in range', async () => {
    const line = await lineCard();
    const monthly = choicesOf(line!, 'offer').find((o) => o.value.endsWith('|P1M|monthly'));
    const refused = await harness.click(line, 'cart.saveLine', { offer: monthly?.value, quantity: '2.5' });
    expect(text(refused.card!)).toContain('2.5');
    expect(text(refused.card!)).toContain(t('en-US', 'line.quantityRange', { min: 1, max: 300 }));
  });

  it('answers a click on an older version of the card with the cart as it stands, changing nothing', async () => {
    const line = await lineCard();
    const monthly = choicesOf(line!, 'offer').find((o) => o.value.endsWith('|P1M|monthly'));
    const draft = await harness.click(line, 'cart.saveLine', { offer: monthly?.value, quantity: '2' });
    const requestsBefore = harness.sandbox.requests.length;
    const again = await harness.click(line, 'cart.saveLine', { offer: monthly?.value, quantity: '7' });
    expect(text(again.card!)).toContain('2 ×');
    expect(text(again.card!)).not.toContain('7 ×');
    expect(harness.sandbox.requests.length).toBe(requestsBefore);
    expect(text(again.card!)).toBe(text(draft.card!));
  });
});
