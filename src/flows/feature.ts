import type { CommandRoute } from './command-table';
import type { VerbRoute } from './verb-table';

/**
 * A capability of the bot (cart, approvals, add-ons, status, audit…): the text commands and card verbs
 * it answers. The Teams handler is composed from a list of these, so capabilities stay in their folders.
 */
export interface Feature {
  name: string;
  commands: CommandRoute[];
  routes: VerbRoute[];
}
