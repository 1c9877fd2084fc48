import { z } from 'zod';
import { actorSchema, conversationSchema } from '../ports';

// `withdrawn`: the requester took the request back while it waited; the purchase is cancelled.
const APPROVAL_OUTCOMES = ['approved', 'rejected', 'expired', 'withdrawn'] as const;
export type ApprovalOutcome = (typeof APPROVAL_OUTCOMES)[number];

/** Longest rejection reason kept and shown; the card's input enforces the same limit. */
export const MAX_REASON_LENGTH = 500;

const approvalDecisionSchema = z.object({
  outcome: z.enum(APPROVAL_OUTCOMES),
  by: actorSchema,
  at: z.string(),
  reason: z.string().max(MAX_REASON_LENGTH).optional(),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

/**
 * One request for approval of a purchase. A resubmission after a rejection is a new request with a new
 * id, so a click on the card of an earlier request can never decide the current one.
 */
export const approvalSchema = z.object({
  requestId: z.string(),
  requestedBy: actorSchema,
  requestedAt: z.string(),
  /** What the rep ticked on the confirmation card; the checkout an approver starts sends exactly this. */
  attestation: z.object({ partnerOfRecord: z.boolean(), lines: z.boolean() }),
  threshold: z.number().nonnegative(),
  /** The approval card everyone sees, so a decision taken anywhere updates it. */
  card: z.object({ conversation: conversationSchema, activityId: z.string() }).optional(),
  decision: approvalDecisionSchema.optional(),
});
export type Approval = z.infer<typeof approvalSchema>;
