import { z } from 'zod';
import type { Customer } from '../../partner-center/schemas';

/** The billing profile is only on GET /customers/{id}; the offers API wants the customer's country. */
const billingCountrySchema = z.object({ billingProfile: z.object({ defaultAddress: z.object({ country: z.string().length(2) }) }) });

export function offerCountry(customer: Customer): string {
  const parsed = billingCountrySchema.safeParse(customer);
  return parsed.success ? parsed.data.billingProfile.defaultAddress.country : 'US';
}
