import { randomBytes, randomUUID } from 'node:crypto';
import type { BillingCycle } from './contract/enums';
import type { CartLine } from './contract/resources';
import type { Purchasable } from './catalog';
import type { OrderLineRecord, OrderRecord } from './store-records';

/** New-commerce order ids are 12 hex characters ("a68736758d9c"); legacy ones GUID-like. */
function newOrderId(lines: { purchasable: Purchasable }[]): string {
  return lines.every((line) => !line.purchasable.catalogPath) ? randomUUID().toUpperCase() : randomBytes(6).toString('hex');
}

export function newOrder(customerId: string, billingCycle: BillingCycle, creationDate: Date, lineItems: OrderLineRecord[], attestation?: boolean): OrderRecord {
  return {
    id: newOrderId(lineItems),
    customerId,
    billingCycle,
    currencyCode: 'USD',
    creationDate,
    lineItems,
    ...(attestation !== undefined ? { partnerOnRecordAttestationAccepted: attestation } : {}),
    provisioned: false,
    version: 1,
  };
}

/** update-a-cart.md / create-an-order.md: transaction_reseller → partnerIdOnRecord, additional ones → additionalPartnerIdsOnRecord. */
export function orderLineFromCartLine(line: CartLine, lineItemNumber: number, purchasable: Purchasable): OrderLineRecord {
  const participants = line.participants ?? [];
  const valuesOf = (key: string): string[] => participants.filter((p) => p.key === key).map((p) => p.value);
  const [partnerIdOnRecord] = valuesOf('transaction_reseller');
  const additional = valuesOf('additional_transaction_reseller');
  return {
    lineItemNumber,
    offerId: line.catalogItemId,
    friendlyName: line.friendlyName ?? purchasable.skuTitle,
    quantity: line.quantity,
    billingCycle: line.billingCycle,
    ...(line.termDuration ? { termDuration: line.termDuration } : {}),
    ...(line.customTermEndDate ? { customTermEndDate: line.customTermEndDate } : {}),
    ...(line.promotionId ? { promotionId: line.promotionId } : {}),
    ...(line.renewsTo ? { renewsTo: { termDuration: line.renewsTo.termDuration } } : {}),
    ...(partnerIdOnRecord ? { partnerIdOnRecord } : {}),
    ...(additional.length ? { additionalPartnerIdsOnRecord: additional } : {}),
    ...(line.provisioningContext ? { provisioningContext: line.provisioningContext } : {}),
    ...(line.attestationAccepted !== undefined ? { attestationAccepted: line.attestationAccepted } : {}),
    pricing: line.pricing ?? {},
    purchasable,
  };
}
