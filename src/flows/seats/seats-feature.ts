import { command } from '../command-table';
import type { Feature } from '../feature';
import { route } from '../verb-table';
import type { CustomerStepDeps } from '../customer/customer-deps';
import { customerStepPayload } from '../customer/customer-payloads';
import { purchaseRefSchema, searchPayload } from '../purchase/payloads';
import { changeSeats, reviewCancellation, reviewSeats } from './change-handlers';
import { seatsQuantityPayload, seatsSubscriptionPayload } from './payloads';
import { cancelSeats, pickSeatsCustomer, pickSeatsSubscription, searchSeatsCustomer, seatsBack, startSeats } from './step-handlers';
import { askUndo, confirmUndo, showSeats } from './undo-handlers';

/**
 * `seats` (or `seats <customer>`): change the seats of a subscription a customer already has, or cancel
 * it inside Partner Center's window, and undo added seats from the result card. Customer → subscription
 * → new total → review → Change seats.
 */
export function seatsFeature(deps: CustomerStepDeps): Feature {
  return {
    name: 'seats',
    access: { commands: 'buy', verbs: 'buy' },
    commands: [command('seats', (turn, argument) => startSeats(deps, turn, argument), {
      argument: 'optional', help: { description: 'welcome.cmd.seats', argument: 'welcome.arg.seatsCustomer' },
    })],
    routes: [
      route('seats.searchCustomer', searchPayload, (turn, p) => searchSeatsCustomer(deps, turn, p)),
      route('seats.pickCustomer', customerStepPayload, (turn, p) => pickSeatsCustomer(deps, turn, p)),
      route('seats.pickSubscription', seatsSubscriptionPayload, (turn, p) => pickSeatsSubscription(deps, turn, p)),
      route('seats.review', seatsQuantityPayload, (turn, p) => reviewSeats(deps, turn, p)),
      route('seats.cancelSubscription', purchaseRefSchema, (turn, p) => reviewCancellation(deps, turn, p)),
      route('seats.change', purchaseRefSchema, (turn, p) => changeSeats(deps, turn, p)),
      route('seats.back', purchaseRefSchema, (turn, p) => seatsBack(deps, turn, p)),
      route('seats.cancel', purchaseRefSchema, (turn, p) => cancelSeats(deps, turn, p)),
      route('seats.undo', purchaseRefSchema, (turn, p) => askUndo(deps, turn, p)),
      route('seats.undoConfirm', purchaseRefSchema, (turn, p) => confirmUndo(deps, turn, p)),
      route('seats.show', purchaseRefSchema, (turn, p) => showSeats(deps, turn, p)),
    ],
  };
}
