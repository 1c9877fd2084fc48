import { z } from 'zod';
import { MAX_REASON_LENGTH } from '../purchase/approval-schema';

/**
 * Approval card payloads: the purchase and the request the card was drawn for. Who clicked comes from
 * the activity, never from here (docs/architecture.md, rule 2); keys the verb does not use are dropped by the parse.
 */
export const approvalRefSchema = z.object({
  purchaseId: z.uuid(),
  requestId: z.uuid(),
});

export const rejectPayload = approvalRefSchema.extend({
  reason: z.string().max(MAX_REASON_LENGTH).optional().transform((v) => v?.trim() ?? ''),
});
