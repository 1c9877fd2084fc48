import { accessPlPL } from './access.pl-PL';
import { approvalPlPL } from './approval.pl-PL';
import { addOnPlPL } from './addon.pl-PL';
import { auditPlPL } from './audit.pl-PL';
import { cartPlPL } from './cart.pl-PL';
import { orderPlPL } from './order.pl-PL';
import { outcomePlPL } from './outcome.pl-PL';
import { partnerCenterErrorsPlPL } from './partner-center-errors.pl-PL';
import { statusPlPL } from './status.pl-PL';
import { pricesPlPL } from './prices.pl-PL';
import { seatsPlPL } from './seats.pl-PL';
import { resultsPlPL } from './results.pl-PL';
import { undoPlPL } from './undo.pl-PL';
import { purchasePlPL } from './purchase.pl-PL';

export const plPL = {
  ...partnerCenterErrorsPlPL,
  ...cartPlPL,
  ...approvalPlPL,
  ...addOnPlPL,
  ...seatsPlPL,
  ...orderPlPL,
  ...outcomePlPL,
  ...statusPlPL,
  ...auditPlPL,
  ...pricesPlPL,
  ...resultsPlPL,
  ...undoPlPL,
  ...purchasePlPL,
  ...accessPlPL,
};
