import type { CartLineRequest } from './contract/cart-request';
import type { CartLine } from './contract/resources';
import type { Catalog } from './catalog';
import { firstLineError, withReservationTerm, type CustomerFacts } from './rules/line-rules';
import { orderGroupFor } from './rules/order-groups';
import { priceLine } from './rules/pricing';

/**
 * Validates, groups and prices each requested line. A line that breaks a rule keeps its place and gets
 * `error` instead of `orderGroup`/`pricing`: Partner Center answers 201 with errored lines
 * (Partner-Center-PowerShell #388) and refuses only at checkout (800009).
 */
export function evaluateCartLines(catalog: Catalog, lines: CartLineRequest[], facts: CustomerFacts): CartLine[] {
  return lines.map((line, index) => {
    const { purchasable, error } = firstLineError(catalog, line.catalogItemId, line, index, facts);
    const promotion = line.promotionId ? catalog.promotion(line.promotionId) : undefined;
    const pricing = purchasable && !error ? priceLine(purchasable, { ...withReservationTerm(purchasable, line), promotion }) : undefined;
    return {
      id: line.id ?? index,
      catalogItemId: line.catalogItemId,
      ...(line.friendlyName ? { friendlyName: line.friendlyName } : {}),
      quantity: line.quantity,
      currencyCode: 'USD',
      billingCycle: line.billingCycle,
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
      ...(line.customTermEndDate ? { customTermEndDate: line.customTermEndDate } : {}),
      ...(line.promotionId ? { promotionId: line.promotionId } : {}),
      ...(line.participants?.length ? { participants: line.participants } : {}),
      provisioningContext: line.provisioningContext ?? {},
      ...(line.renewsTo ? { renewsTo: line.renewsTo } : {}),
      ...(line.attestationAccepted !== undefined && line.attestationAccepted !== null ? { attestationAccepted: line.attestationAccepted } : {}),
      ...(purchasable && !error ? { orderGroup: orderGroupFor(purchasable, line.billingCycle) } : {}),
      ...(pricing ? { pricing } : {}),
      ...(error ? { error } : {}),
    };
  });
}
