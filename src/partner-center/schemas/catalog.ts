import { z } from 'zod';
import { attributesSchema, linksSchema } from './common';

const itemTypeSchema: z.ZodType<{ id: string; displayName?: string | null; subType?: unknown }> = z.looseObject({
  id: z.string(),
  displayName: z.string().nullish(),
  subType: z.unknown().optional(),
});

export const productSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  productType: itemTypeSchema.nullish(),
  isMicrosoftProduct: z.boolean().nullish(),
  publisherName: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Product = z.infer<typeof productSchema>;

export const attestationPropertiesSchema = z.looseObject({
  attestationType: z.string().nullish(),
  enforceAttestation: z.boolean().nullish(),
});

/** NCE SKUs describe add-on rules here; Microsoft warns these "can change without notice". */
export const skuDynamicAttributesSchema = z.looseObject({
  isAddon: z.boolean().nullish(),
  prerequisiteSkus: z.array(z.string()).nullish(),
  hasConstraints: z.boolean().nullish(),
});

export const skuSchema = z.looseObject({
  id: z.string(),
  productId: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  minimumQuantity: z.number().int().nullish(),
  maximumQuantity: z.number().int().nullish(),
  isTrial: z.boolean().nullish(),
  supportedBillingCycles: z.array(z.string()).nullish(),
  purchasePrerequisites: z.array(z.string()).nullish(),
  inventoryVariables: z.array(z.string()).nullish(),
  provisioningVariables: z.array(z.string()).nullish(),
  actions: z.array(z.string()).nullish(),
  dynamicAttributes: skuDynamicAttributesSchema.nullish(),
  attestationProperties: attestationPropertiesSchema.nullish(),
  consumptionType: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Sku = z.infer<typeof skuSchema>;

export const refundOptionSchema = z.looseObject({
  sequenceId: z.number().int().nullish(),
  type: z.string(),
  expiresAfter: z.string().nullish(),
});

/** One purchasable (duration, billing cycle) pair. Capitalised on the wire (`"billingCycle":"Annual"`). */
export const availabilityTermSchema = z.looseObject({
  id: z.string().nullish(),
  duration: z.string(),
  description: z.string().nullish(),
  billingCycle: z.string(),
  renewalOptions: z.array(z.looseObject({ termDuration: z.string(), description: z.string().nullish() })).nullish(),
  cancellationPolicies: z.array(z.looseObject({ refundOptions: z.array(refundOptionSchema).nullish() })).nullish(),
});
export type AvailabilityTerm = z.infer<typeof availabilityTermSchema>;

export const availabilitySchema = z.looseObject({
  id: z.string(),
  productId: z.string(),
  skuId: z.string(),
  catalogItemId: z.string(),
  defaultCurrency: z.looseObject({ code: z.string(), symbol: z.string().nullish() }).nullish(),
  segment: z.string().nullish(),
  country: z.string().nullish(),
  isPurchasable: z.boolean().nullish(),
  isRenewable: z.boolean().nullish(),
  terms: z.array(availabilityTermSchema).nullish(),
  renewalInstructions: z.array(z.unknown()).nullish(),
  includedQuantityOptions: z.array(z.unknown()).nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Availability = z.infer<typeof availabilitySchema>;

/** Legacy offer (GET /offers, /offers/{id}/addons). */
export const offerSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  minimumQuantity: z.number().int().nullish(),
  maximumQuantity: z.number().int().nullish(),
  country: z.string().nullish(),
  isAddOn: z.boolean().nullish(),
  hasAddOns: z.boolean().nullish(),
  isAvailableForPurchase: z.boolean().nullish(),
  billing: z.string().nullish(),
  supportedBillingCycles: z.array(z.string()).nullish(),
  prerequisiteOffers: z.array(z.string()).nullish(),
  isTrial: z.boolean().nullish(),
  attestationProperties: attestationPropertiesSchema.nullish(),
  unitType: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Offer = z.infer<typeof offerSchema>;

/**
 * An allowed end date for a new NCE subscription (GET /customers/{id}/subscriptions/customTermEndDates):
 * the end of a calendar month, or the end date of existing subscriptions it may co-terminate with.
 */
export const customTermEndDateSchema = z.looseObject({
  allowedCustomTermEndDateType: z.string(),
  allowedCustomTermEndDate: z.string(),
  cotermSubscriptionIds: z.array(z.string()).nullish(),
});
export type CustomTermEndDate = z.infer<typeof customTermEndDateSchema>;
