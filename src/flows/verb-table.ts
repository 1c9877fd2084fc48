import type { z } from 'zod';
import type { ActionTurn, TurnResult } from './ports';

/**
 * One row per card verb: the schema its untrusted payload must pass and the handler that gets the parsed
 * payload (docs/architecture.md, rule 3: verbs route through one typed table, no string-prefix switches).
 */
export interface VerbRoute<S extends z.ZodType = z.ZodType> {
  verb: string;
  payload: S;
  handle(turn: ActionTurn, payload: z.infer<S>): Promise<TurnResult>;
}

export function route<S extends z.ZodType>(
  verb: string,
  payload: S,
  handle: (turn: ActionTurn, payload: z.infer<S>) => Promise<TurnResult>,
): VerbRoute<S> {
  return { verb, payload, handle };
}

type RouteOutcome =
  | { kind: 'handled'; result: TurnResult }
  | { kind: 'unknown_verb' }
  | { kind: 'bad_payload'; issues: string[] };

export class VerbTable {
  private readonly routes = new Map<string, VerbRoute>();

  constructor(routes: VerbRoute[]) {
    for (const r of routes) {
      if (this.routes.has(r.verb)) throw new Error(`verb ${r.verb} is routed twice`);
      this.routes.set(r.verb, r);
    }
  }

  async dispatch(turn: ActionTurn): Promise<RouteOutcome> {
    const target = this.routes.get(turn.verb);
    if (!target) return { kind: 'unknown_verb' };
    const parsed = target.payload.safeParse(turn.data);
    if (!parsed.success) {
      return { kind: 'bad_payload', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
    }
    return { kind: 'handled', result: await target.handle(turn, parsed.data) };
  }

  verbs(): string[] {
    return [...this.routes.keys()];
  }
}
