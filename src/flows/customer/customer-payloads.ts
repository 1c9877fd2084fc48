import { customerIdSchema, purchaseRefSchema } from '../purchase/payloads';

/** A customer tapped on the customer step card, which the add-on and order flows share. */
export const customerStepPayload = purchaseRefSchema.extend({ customerId: customerIdSchema });
