import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID } from '../../src/sandbox/data/seed-ids';
import { t } from '../../src/i18n/translate';
import { buttonData, text } from '../integration/bot/card-helpers';
import { startHandlerHarness, type HandlerHarness } from './handler-harness';

const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';

describe('add-on and order handlers, in process', () => {
  let harness: HandlerHarness;
  beforeAll(async () => {
    harness = await startHandlerHarness();
  });
  afterAll(async () => {
    await harness.stop();
  });

  it('add-on: refuses a quantity out of range and a missing attestation, keeping the card, then buys', async () => {
    const search = await harness.say('add-on');
    const found = await harness.click(search.card, 'addon.searchCustomer', { query: 'Contoso' });
    const subscriptions = await harness.click(found.card, 'addon.pickCustomer', buttonData(found.card!, 'addon.pickCustomer', 'customerId', CONTOSO_ID));
    const addOns = await harness.click(subscriptions.card, 'addon.pickSubscription', buttonData(subscriptions.card!, 'addon.pickSubscription', 'subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID));
    const confirm = await harness.click(addOns.card, 'addon.pickAddOn', buttonData(addOns.card!, 'addon.pickAddOn', 'addOnId', MY_ANALYTICS));

    const refused = await harness.click(confirm.card, 'addon.buy', { quantity: '0', attest: 'false' });
    expect(refused.audience).toBe('clicker');
    expect(text(refused.card!)).toContain(t('en-US', 'confirm.attestationRequired'));
    const ordersBefore = harness.sandbox.requests.filter((r) => r.method !== 'GET' && r.path.includes('/orders')).length;

    const bought = await harness.click(confirm.card, 'addon.buy', { quantity: '2', attest: 'true' });
    expect(text(bought.card!)).not.toContain(t('en-US', 'confirm.attestationRequired'));
    expect(harness.sandbox.requests.filter((r) => r.method !== 'GET' && r.path.includes('/orders')).length).toBe(ordersBefore + 1);
  });

  it('order: adds a line read from the offer, and refuses a quantity that is not a whole number', async () => {
    const start = await harness.say('new order');
    const found = await harness.click(start.card, 'order.searchCustomer', { query: 'Contoso' });
    const draft = await harness.click(found.card, 'order.pickCustomer', { customerId: CONTOSO_ID });
    const refused = await harness.click(draft.card, 'order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '5e0', billingCycle: 'annual' });
    expect(text(refused.card!)).toMatch(/Enter a whole number from \d+ to \d+\./);
    const withLine = await harness.click(refused.card, 'order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '5', billingCycle: 'annual' });
    expect(text(withLine.card!)).toContain('5 ×');
  });
});
