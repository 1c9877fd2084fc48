import type { BillingCycle } from '../contract/enums';
import type { Pricing } from '../contract/resources';
import type { Purchasable } from '../catalog';
import type { PromotionFixture } from '../data/promotions';
import { billingCycleMonths, termMonths } from './durations';
import { findTerm } from './term-rules';

const round2 = (value: number): number => Math.round(value * 100) / 100;

interface PricedChoice {
  billingCycle: BillingCycle;
  termDuration?: string | null;
  quantity: number;
  promotion?: PromotionFixture;
}

/**
 * Prices are per unit per billing period; extendedPrice covers the whole term for every unit. That is
 * what create-a-cart.md's NCE response shows: P1Y billed monthly at 30.4 → extendedPrice 364.8.
 */
export function priceLine(purchasable: Purchasable, choice: PricedChoice): Pricing | undefined {
  const listPrice = purchasable.terms ? findTerm(purchasable, choice)?.listPrice : legacyPrice(purchasable, choice.billingCycle);
  if (listPrice === undefined) return undefined;
  const discountedPrice = round2(listPrice * (1 - (choice.promotion?.percentDiscount ?? 0) / 100));
  const cycleMonths = billingCycleMonths(choice.billingCycle);
  const months = choice.termDuration ? termMonths(choice.termDuration) : undefined;
  const periods = purchasable.terms && cycleMonths && months ? months / cycleMonths : 1;
  return {
    listPrice,
    discountedPrice,
    proratedPrice: discountedPrice,
    price: discountedPrice,
    extendedPrice: round2(discountedPrice * periods * choice.quantity),
  };
}

function legacyPrice(purchasable: Purchasable, billingCycle: BillingCycle): number | undefined {
  const monthly = purchasable.legacyListPrice;
  if (monthly === undefined) return undefined;
  return billingCycle === 'annual' ? round2(monthly * 12) : monthly;
}
