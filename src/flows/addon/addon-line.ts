import type { DraftLine } from '../purchase/purchase';
import type { AddOnOption } from './addon-options';
import type { BaseSubscription } from '../purchase/addon-state';

/**
 * The one line an add-on purchase buys. A new-commerce add-on has its own term, so it is aligned to the
 * base subscription's end date with customTermEndDate and the two co-terminate (new-commerce-add-ons.md).
 */
export function addOnLine(lineId: string, option: AddOnOption, base: BaseSubscription, quantity: number): DraftLine {
  const { choice, nce } = option;
  if (!nce) {
    return {
      lineId,
      productId: choice.id,
      productTitle: choice.name,
      skuId: '',
      skuTitle: choice.name,
      catalogItemId: choice.id,
      quantity,
      billingCycle: base.billingCycle ?? 'monthly',
      friendlyName: choice.name,
      provisioningContext: {},
      additionalResellers: [],
    };
  }
  const attestation = nce.sku.attestationProperties;
  return {
    lineId,
    productId: nce.product.id,
    productTitle: nce.product.title,
    skuId: nce.sku.id,
    skuTitle: nce.sku.title,
    availabilityId: nce.availability.id,
    catalogItemId: nce.availability.catalogItemId,
    quantity,
    billingCycle: nce.billingCycle,
    termDuration: nce.termDuration,
    customTermEndDate: base.isNce && base.commitmentEndDate ? `${base.commitmentEndDate.slice(0, 10)}T00:00:00Z` : undefined,
    provisioningContext: {},
    additionalResellers: [],
    attestationType: attestation?.enforceAttestation ? (attestation.attestationType ?? 'required') : undefined,
  };
}
