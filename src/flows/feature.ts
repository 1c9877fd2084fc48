import type { CommandRoute } from './command-table';
import type { VerbRoute } from './card-verb';

/**
 * What a command or card verb needs. `buy`: start, change or place a purchase (reps of an allowed tenant).
 * `use`: read what the partner's own people may read (status, pending, audit, help). `approve`: decide on
 * an approval request, which an approver may do from any tenant (approvals in shared channels across
 * organisations are part of the product); for anyone else it is `use`. `admin`: raw tools that are no
 * part of a rep's path (`new order` takes offer ids): `buy`, for a rep who is also an approver.
 */
export type AccessLevel = 'buy' | 'use' | 'approve' | 'admin';

/**
 * A capability of the bot (cart, approvals, add-ons, status, audit…): the text commands and card verbs
 * it answers. The Teams handler is composed from a list of these, so capabilities stay in their folders.
 */
export interface Feature {
  name: string;
  /** What its commands and its card verbs need (checked by the access gate before they run). */
  access: { commands: AccessLevel; verbs: AccessLevel };
  commands: CommandRoute[];
  routes: VerbRoute[];
}
