import type { BillingCycle } from '../contract/enums';
import type { Purchasable } from '../catalog';

/**
 * Groups observed in create-a-cart.md: Azure plan / legacy Azure "OMS-0"; reserved instances and
 * perpetual software "0"; SaaS "1"; SaaS free trial "2"; new-commerce licences "0". Mixed carts keep
 * these fixed labels rather than numbering groups by appearance (inference).
 */
export function orderGroupFor(purchasable: Purchasable, billingCycle: BillingCycle): string {
  switch (purchasable.family) {
    case 'azure_plan':
    case 'azure_legacy':
      return 'OMS-0';
    case 'saas':
      return billingCycle === 'none' ? '2' : '1';
    default:
      return '0';
  }
}
