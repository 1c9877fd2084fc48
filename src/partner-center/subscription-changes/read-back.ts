import type { Subscription } from '../schemas';

/** One change a rep asked for, as stored before it was sent, so it can be checked after a lost answer. */
export type RequestedChange =
  | { kind: 'quantity'; from: number; to: number }
  | { kind: 'cancel' }
  | { kind: 'auto_renew'; enabled: boolean }
  /** `scheduledBefore`: the quantity a schedule already named when the rep asked (absent: none). */
  | { kind: 'scheduled_quantity'; quantity: number; scheduledBefore?: number };

/**
 * Whether a change whose answer was lost is in the subscription read back afterwards: `applied`,
 * `not_applied` (it is as it was: sending the same target again is safe), or `changed_otherwise`
 * (someone else changed it: show the rep the new state, do not resend).
 */
export type ReadBackVerdict = 'applied' | 'not_applied' | 'changed_otherwise';

export function verdictFromReadBack(change: RequestedChange, readBack: Subscription): ReadBackVerdict {
  switch (change.kind) {
    case 'quantity':
      if (readBack.quantity === change.to) return 'applied';
      return readBack.quantity === change.from && readBack.status === 'active' ? 'not_applied' : 'changed_otherwise';
    case 'cancel':
      return readBack.status === 'deleted' ? 'applied' : 'not_applied';
    case 'auto_renew':
      if (readBack.autoRenewEnabled === change.enabled) return 'applied';
      return readBack.status === 'active' ? 'not_applied' : 'changed_otherwise';
    case 'scheduled_quantity': {
      const scheduled = readBack.scheduledNextTermInstructions?.quantity;
      if (scheduled === change.quantity) return 'applied';
      const asAsked = readBack.status === 'active' && readBack.autoRenewEnabled !== false && scheduled === change.scheduledBefore;
      return asAsked ? 'not_applied' : 'changed_otherwise';
    }
  }
}
