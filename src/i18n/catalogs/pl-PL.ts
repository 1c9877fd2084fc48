import { cartPlPL } from './cart.pl-PL';
import { partnerCenterErrorsPlPL } from './partner-center-errors.pl-PL';

export const plPL = {
  ...partnerCenterErrorsPlPL,
  ...cartPlPL,
};
