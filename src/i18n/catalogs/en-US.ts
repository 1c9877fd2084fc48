import { accessEnUS } from './access.en-US';
import { approvalEnUS } from './approval.en-US';
import { addOnEnUS } from './addon.en-US';
import { auditEnUS } from './audit.en-US';
import { cartEnUS } from './cart.en-US';
import { orderEnUS } from './order.en-US';
import { outcomeEnUS } from './outcome.en-US';
import { partnerCenterErrorsEnUS } from './partner-center-errors.en-US';
import { statusEnUS } from './status.en-US';
import { pricesEnUS } from './prices.en-US';
import { seatsEnUS } from './seats.en-US';
import { resultsEnUS } from './results.en-US';
import { undoEnUS } from './undo.en-US';
import { purchaseEnUS } from './purchase.en-US';

export const enUS = {
  ...partnerCenterErrorsEnUS,
  ...cartEnUS,
  ...approvalEnUS,
  ...addOnEnUS,
  ...seatsEnUS,
  ...orderEnUS,
  ...outcomeEnUS,
  ...statusEnUS,
  ...auditEnUS,
  ...pricesEnUS,
  ...resultsEnUS,
  ...undoEnUS,
  ...purchaseEnUS,
  ...accessEnUS,
} as const;
