import { command } from '../command-table';
import type { Feature } from '../feature';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { sharedVerbs } from '../purchase/shared-verbs';
import { changeSeats, reviewCancellation, reviewSeats } from './change-handlers';
import { reviewAutoRenewOff, reviewLowerAtRenewal } from './renewal-handlers';
import { seatsVerbs } from './seats-verbs';
import { SeatPriceQuotes } from './seat-price-quotes';
import { cancelSeats, pickSeatsCustomer, pickSeatsSubscription, searchSeatsCustomer, seatsBack, startSeats } from './step-handlers';
import { askUndo, confirmUndo, showSeats } from './undo-handlers';
import { askPurchaseUndo, confirmPurchaseUndo } from './purchase-undo-handlers';

/**
 * `seats` (or `seats <customer>`): change the seats of a subscription a customer already has, or cancel
 * it inside Partner Center's window, undo added seats from the result card, and undo a placed purchase
 * (cancel the subscriptions it made) from its result card. Customer → subscription
 * → new total → review → Change seats.
 */
export function seatsFeature(deps: CustomerStepDeps): Feature {
  const quotes = new SeatPriceQuotes(deps);
  return {
    name: 'seats',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [command('seats', (turn, argument) => startSeats(deps, turn, argument), {
      argument: 'optional', help: { description: 'welcome.cmd.seats', argument: 'welcome.arg.seatsCustomer' },
    })],
    routes: [
      seatsVerbs.searchCustomer.route((turn, p) => searchSeatsCustomer(deps, turn, p)),
      seatsVerbs.pickCustomer.route((turn, p) => pickSeatsCustomer(deps, turn, p)),
      seatsVerbs.pickSubscription.route((turn, p) => pickSeatsSubscription(deps, turn, p)),
      seatsVerbs.review.route((turn, p) => reviewSeats(deps, quotes, turn, p)),
      seatsVerbs.cancelSubscription.route((turn, p) => reviewCancellation(deps, turn, p)),
      seatsVerbs.change.route((turn, p) => changeSeats(deps, turn, p)),
      sharedVerbs.seatsBack.route((turn, p) => seatsBack(deps, turn, p)),
      seatsVerbs.cancel.route((turn, p) => cancelSeats(deps, turn, p)),
      seatsVerbs.undo.route((turn, p) => askUndo(deps, turn, p)),
      seatsVerbs.undoConfirm.route((turn, p) => confirmUndo(deps, turn, p)),
      seatsVerbs.show.route((turn, p) => showSeats(deps, turn, p)),
      seatsVerbs.autoRenewOff.route((turn, p) => reviewAutoRenewOff(deps, turn, p)),
      seatsVerbs.lowerAtRenewal.route((turn, p) => reviewLowerAtRenewal(deps, turn, p)),
      sharedVerbs.purchaseUndo.route((turn, p) => askPurchaseUndo(deps, turn, p)),
      sharedVerbs.purchaseUndoConfirm.route((turn, p) => confirmPurchaseUndo(deps, turn, p)),
    ],
  };
}
