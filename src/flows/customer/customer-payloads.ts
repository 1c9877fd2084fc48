import { z } from 'zod';
import { purchaseRefSchema } from '../purchase/payloads';

/** Partner Center customer ids are GUIDs: a picked choice that is not one is never looked up. */
export const customerIdSchema = z.uuid();

/** A customer tapped on the customer step card, which the add-on and order flows share. */
export const customerStepPayload = purchaseRefSchema.extend({ customerId: customerIdSchema });
