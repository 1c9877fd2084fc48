import type { Subscription } from '../schemas';

/** One change a rep asked for, as stored before it was sent, so it can be checked after a lost answer. */
export type RequestedChange =
  | { kind: 'quantity'; from: number; to: number }
  | { kind: 'cancel' }
  | { kind: 'auto_renew'; enabled: boolean }
  | { kind: 'scheduled_quantity'; quantity: number };

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
      return readBack.autoRenewEnabled === change.enabled ? 'applied' : 'not_applied';
    case 'scheduled_quantity':
      return readBack.scheduledNextTermInstructions?.quantity === change.quantity ? 'applied' : 'not_applied';
  }
}
