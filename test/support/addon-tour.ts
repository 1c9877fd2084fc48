import { click, say, type TourCard, type TourParty } from './purchase-tour';
import { CONTOSO_E3_SUBSCRIPTION_ID, CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';

/** `add-on` on a phone: search, the recent customer, subscription, add-on, confirmation, result, status. */
export async function tourAddOn(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const search = await say(party, 'add-on');
  tour.push({ step: 'addon-customer-search', card: search });
  const found = await click(party, search, 'addon.searchCustomer', { query: 'Contoso' });
  tour.push({ step: 'addon-customer-found', card: found });
  const subscriptions = await click(party, found, 'addon.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  await click(party, subscriptions, 'addon.cancel');
  const recent = await say(party, 'add-on');
  tour.push({ step: 'addon-customer-recent', card: recent });
  const again = await click(party, recent, 'addon.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  tour.push({ step: 'addon-subscription', card: again });
  const addOns = await click(party, again, 'addon.pickSubscription', {}, ['subscriptionId', CONTOSO_E3_SUBSCRIPTION_ID]);
  tour.push({ step: 'addon-choice', card: addOns });
  const confirm = await click(party, addOns, 'addon.pickAddOn', {}, ['addOnId', MY_ANALYTICS]);
  tour.push({ step: 'addon-confirm', card: confirm });
  const refused = await click(party, confirm, 'addon.buy', { quantity: '0', attest: 'false' });
  tour.push({ step: 'addon-confirm-errors', card: refused });
  const result = await click(party, confirm, 'addon.buy', { quantity: '2', attest: 'true' });
  await party.bot.app.background.idle();
  tour.push({ step: 'addon-result', card: result });
  const status = await click(party, result, 'status.show');
  tour.push({ step: 'addon-status', card: status });
  return tour;
}

/** `new order`: customer, draft with a line, review with the request, the shared confirmation, result. */
export async function tourOrder(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const start = await say(party, 'new order');
  const found = await click(party, start, 'order.searchCustomer', { query: 'Contoso' });
  const draft = await click(party, found, 'order.pickCustomer', { customerId: CONTOSO_ID });
  tour.push({ step: 'order-draft-empty', card: draft });
  const withLine = await click(party, draft, 'order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '5', billingCycle: 'annual' });
  tour.push({ step: 'order-draft', card: withLine });
  const review = await click(party, withLine, 'order.review', { billingCycle: 'annual' });
  tour.push({ step: 'order-review', card: review });
  const confirm = await click(party, review, 'cart.confirm');
  tour.push({ step: 'order-confirm', card: confirm });
  const result = await click(party, confirm, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  tour.push({ step: 'order-result', card: result });
  return tour;
}
