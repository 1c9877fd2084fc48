import type { OrderInput } from '../../partner-center/schemas';
import type { Attestation } from '../purchase/cart-request';
import type { OrderPurchase } from '../purchase/purchase';

/**
 * The POST /customers/{id}/orders body New-PartnerCustomerOrder sends for its Subscription parameter
 * set: numbered lines of offers and one billing cycle for the order (create-an-order.md). No `status`
 * (code 0 "not a valid OrderStatus") and no parentSubscriptionId (code 2000). Pure: the preview and the
 * order use the same body, and a retry sends exactly the same one.
 */
export function buildOrderRequest(purchase: OrderPurchase, attestation?: Attestation): OrderInput {
  const body: OrderInput = {
    billingCycle: purchase.order?.billingCycle ?? 'monthly',
    lineItems: purchase.lines.map((line, index) => ({
      lineItemNumber: index,
      offerId: line.catalogItemId,
      quantity: line.quantity,
      ...(line.friendlyName ? { friendlyName: line.friendlyName } : {}),
      ...(line.termDuration ? { termDuration: line.termDuration } : {}),
      ...(line.promotionId ? { promotionId: line.promotionId } : {}),
      // create-an-order: the indirect reseller goes in PartnerIdOnRecord, additional EU/EFTA ones in AdditionalPartnerIdsOnRecord.
      ...(line.transactionReseller ? { partnerIdOnRecord: line.transactionReseller } : {}),
      ...(line.additionalResellers.length > 0 ? { additionalPartnerIdsOnRecord: [...line.additionalResellers] } : {}),
    })),
  };
  if (attestation) body.partnerOnRecordAttestationAccepted = attestation.partnerOfRecord;
  return body;
}
