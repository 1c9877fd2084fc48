import { approveLatestRequest, click, say, type ApprovalParty, type TourCard, type TourParty } from './purchase-tour';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

/**
 * `seats contoso` on a phone: subscriptions, the new total, a refused reduction, the review, the result
 * with Undo, the undo question and its result (which leaves the seeded E5 at 15 seats again).
 */
export async function tourSeats(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const found = await say(party, 'seats contoso');
  tour.push({ step: 'seats-customer-found', card: found });
  const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  tour.push({ step: 'seats-subscription', card: subscriptions });
  const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
  tour.push({ step: 'seats-quantity', card: quantity });
  const refused = await click(party, quantity, 'seats.review', { quantity: '9' });
  tour.push({ step: 'seats-refused', card: refused });
  const review = await click(party, quantity, 'seats.review', { quantity: '17' });
  tour.push({ step: 'seats-review', card: review });
  const result = await click(party, review, 'seats.change');
  await party.bot.app.background.idle();
  tour.push({ step: 'seats-result', card: result });
  const ask = await click(party, result, 'seats.undo');
  tour.push({ step: 'seats-undo', card: ask });
  const undone = await click(party, ask, 'seats.undoConfirm');
  await party.bot.app.background.idle();
  tour.push({ step: 'seats-undone', card: undone });
  return tour;
}

/**
 * A seat increase that needs an approval (the bot runs with APPROVAL_THRESHOLD=0): the review with the
 * price, the rep's card while it waits, the request with old → new and the priced difference, the
 * approver's `pending` list and decision. Three seats more than the E5 has now, whatever ran before.
 */
export async function tourSeatsApproval(party: ApprovalParty): Promise<TourCard[]> {
  const found = await say(party, 'seats contoso');
  const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
  const current = /"value":(\d+)/.exec(JSON.stringify(quantity))?.[1];
  if (!current) throw new Error('the seats card has no prefilled total');
  const review = await click(party, quantity, 'seats.review', { quantity: String(Number(current) + 3) });
  const waiting = await click(party, review, 'seats.change');
  return [
    { step: 'seats-priced-review', card: review },
    { step: 'seats-approval-waiting', card: waiting },
    ...(await approveLatestRequest(party, 'seats-approval')),
  ];
}
