import { z } from 'zod';
import { attributesSchema, linksSchema } from './common';

export const companyProfileSchema = z.looseObject({
  tenantId: z.string().nullish(),
  domain: z.string().nullish(),
  companyName: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});

export const customerSchema = z.looseObject({
  /** The customer's Entra tenant id. */
  id: z.string(),
  commerceId: z.string().nullish(),
  companyProfile: companyProfileSchema.nullish(),
  billingProfile: z.looseObject({}).nullish(),
  relationshipToPartner: z.string().nullish(),
  allowDelegatedAccess: z.boolean().nullish(),
  associatedPartnerId: z.string().nullish(),
  links: linksSchema.nullish(),
  attributes: attributesSchema.nullish(),
});
export type Customer = z.infer<typeof customerSchema>;
