import type { AnyCardVerb, RouteOutcome, VerbRoute } from './card-verb';
import type { ActionTurn } from './ports';

/**
 * The card verbs the bot answers, one route each (docs/architecture.md, rule 3: verbs route through one
 * typed table, no string-prefix switches). Built from every declared verb: a verb that a card can emit
 * but no feature routes, one routed twice, or a route not built from a declaration stops the bot at start.
 */
export class VerbTable {
  private readonly routes = new Map<string, VerbRoute>();

  constructor(routes: VerbRoute[], declared: readonly AnyCardVerb[]) {
    for (const r of routes) {
      if (this.routes.has(r.verb.name)) throw new Error(`verb ${r.verb.name} is routed twice`);
      if (!declared.includes(r.verb)) throw new Error(`verb ${r.verb.name} is routed but not declared with defineVerb`);
      this.routes.set(r.verb.name, r);
    }
    const unrouted = declared.filter((verb) => !this.routes.has(verb.name)).map((verb) => verb.name);
    if (unrouted.length > 0) throw new Error(`declared verbs no feature routes: ${unrouted.join(', ')}`);
  }

  async dispatch(turn: ActionTurn): Promise<RouteOutcome> {
    const target = this.routes.get(turn.verb);
    return target ? target.run(turn) : { kind: 'unknown_verb' };
  }

  verbs(): string[] {
    return [...this.routes.keys()];
  }
}
