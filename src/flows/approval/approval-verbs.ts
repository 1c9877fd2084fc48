import { defineVerb } from '../card-verb';
import { approvalRefSchema, rejectPayload } from './approval-payloads';

/** The approval card's verbs: its refresh (and the pending list's Open), approve, reject, and the requester's withdraw. */
export const approvalVerbs = {
  show: defineVerb('approval.show', approvalRefSchema),
  approve: defineVerb('approval.approve', approvalRefSchema),
  reject: defineVerb('approval.reject', rejectPayload, { inputs: ['reason'] }),
  withdraw: defineVerb('approval.withdraw', approvalRefSchema),
};
