import { click, say, type TourCard, type TourParty } from './purchase-tour';
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
