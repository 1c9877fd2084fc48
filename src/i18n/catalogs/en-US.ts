import { cartEnUS } from './cart.en-US';
import { partnerCenterErrorsEnUS } from './partner-center-errors.en-US';

export const enUS = {
  ...partnerCenterErrorsEnUS,
  ...cartEnUS,
} as const;
