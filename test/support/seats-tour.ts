import { approveLatestRequest, click, say, type ApprovalParty, type TourCard, type TourParty } from './purchase-tour';
import type { Card } from '../integration/bot/card-helpers';
import { asRecord, SandboxClient } from '../integration/sandbox/sandbox-client';
import { CONTOSO_E5_SUBSCRIPTION_ID, CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

/** `seats contoso` → Contoso → its E5: the cards on the way, the last one with the new total. */
export async function openContosoE5(party: TourParty): Promise<{ found: Card; subscriptions: Card; quantity: Card }> {
  const found = await say(party, 'seats contoso');
  const subscriptions = await click(party, found, 'seats.pickCustomer', {}, ['customerId', CONTOSO_ID]);
  const quantity = await click(party, subscriptions, 'seats.pickSubscription', {}, ['subscriptionId', CONTOSO_E5_SUBSCRIPTION_ID]);
  return { found, subscriptions, quantity };
}

async function e5QuantityCard(party: TourParty, tour: TourCard[]): Promise<Card> {
  const { found, subscriptions, quantity } = await openContosoE5(party);
  tour.push({ step: 'seats-customer-found', card: found }, { step: 'seats-subscription', card: subscriptions }, { step: 'seats-quantity', card: quantity });
  return quantity;
}

/** A refused reduction's renewal button (`verb`), its confirmation and its result. */
async function renewalChange(party: TourParty, tour: TourCard[], verb: 'seats.lowerAtRenewal' | 'seats.autoRenewOff', step: string): Promise<void> {
  const refused = await click(party, await e5QuantityCard(party, tour), 'seats.review', { quantity: '9' });
  tour.push({ step: 'seats-refused', card: refused });
  const confirm = await click(party, refused, verb);
  tour.push({ step: `${step}-review`, card: confirm });
  const result = await click(party, confirm, 'seats.change');
  await party.bot.app.background.idle();
  tour.push({ step: `${step}-result`, card: result });
}

/** Auto-renew back on and no schedule: the seeded E5 as it was, for the next tour (through the sandbox, as the portal would). */
async function restoreRenewal(party: TourParty): Promise<void> {
  const sandbox = new SandboxClient(party.bot.sandbox);
  const path = `/v1/customers/${CONTOSO_ID}/subscriptions/${CONTOSO_E5_SUBSCRIPTION_ID}`;
  const read = asRecord((await sandbox.get(path)).body);
  const restored = await sandbox.call('PATCH', path, { ...read, autoRenewEnabled: true, scheduledNextTermInstructions: null });
  if (restored.status !== 200) throw new Error(`the E5's renewal could not be restored: ${restored.status}`);
}

/**
 * `seats contoso` on a phone: subscriptions, the new total, a refused reduction, the review, the result
 * with Undo, the undo question and its result (which leaves the seeded E5 at 15 seats again); then what a
 * refused reduction still offers, fewer licences at renewal and auto-renew off, each confirmed and done
 * (the E5's renewal is restored afterwards).
 */
export async function tourSeats(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const quantity = await e5QuantityCard(party, tour);
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
  await renewalChange(party, tour, 'seats.lowerAtRenewal', 'seats-lower-at-renewal');
  await renewalChange(party, tour, 'seats.autoRenewOff', 'seats-auto-renew-off');
  await restoreRenewal(party);
  return tour;
}

/**
 * A seat increase that needs an approval (the bot runs with APPROVAL_THRESHOLD=0): the review with the
 * price, the rep's card while it waits, the request with old → new and the priced difference, the
 * approver's `pending` list and decision. Three seats more than the E5 has now, whatever ran before.
 */
export async function tourSeatsApproval(party: ApprovalParty): Promise<TourCard[]> {
  const { quantity } = await openContosoE5(party);
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
