import type { AccessLevel } from './access/access-rules';
import type { CommandRoute } from './command-table';
import type { VerbRoute } from './card-verb';

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
