import type { MessageKey } from '../i18n/catalogs';
import type { CommandTurn, TurnResult } from './ports';

/** How the help card shows a command: what it does and, for one with an argument, what to type after it. */
interface CommandHelp {
  description: MessageKey;
  argument?: MessageKey;
}

/**
 * One text command a user types (or picks from the manifest's command list). `argument: 'required'`
 * commands take the rest of the message, e.g. `status <order id>`; `'optional'` ones also work alone.
 */
export interface CommandRoute {
  name: string;
  argument?: 'required' | 'optional';
  help?: CommandHelp;
  handle(turn: CommandTurn, argument: string): Promise<TurnResult>;
}

export function command(
  name: string,
  handle: (turn: CommandTurn, argument: string) => Promise<TurnResult>,
  options: { argument?: 'required' | 'optional'; help?: CommandHelp } = {},
): CommandRoute {
  return { name, handle, ...options };
}

interface CommandMatch {
  route: CommandRoute;
  argument: string;
  /** The command was typed alone although it needs an argument (picked from the command list, say). */
  missingArgument: boolean;
}

export class CommandTable {
  private readonly commands = new Map<string, CommandRoute>();

  constructor(commands: CommandRoute[]) {
    for (const c of commands) {
      if (this.commands.has(c.name)) throw new Error(`command ${c.name} is defined twice`);
      this.commands.set(c.name, c);
    }
  }

  /** Case and spacing do not matter: Teams clients and phones vary in what they send. */
  find(text: string): CommandMatch | undefined {
    const normalized = text.trim().replace(/\s+/g, ' ');
    const lower = normalized.toLowerCase();
    const exact = this.commands.get(lower);
    if (exact) return { route: exact, argument: '', missingArgument: exact.argument === 'required' };
    for (const route of this.commands.values()) {
      if (route.argument && lower.startsWith(`${route.name} `)) {
        return { route, argument: normalized.slice(route.name.length + 1), missingArgument: false };
      }
    }
    return undefined;
  }

  list(): CommandRoute[] {
    return [...this.commands.values()];
  }
}
