import type { z } from 'zod';
import type { ActionTurn, TurnResult } from './ports';

/** An Action.Execute as the templates expect it; `style` is always set so no `${style}` stays unresolved. */
export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style: 'default' | 'positive' | 'destructive';
}

export type RouteOutcome =
  | { kind: 'handled'; result: TurnResult }
  | { kind: 'unknown_verb' }
  | { kind: 'bad_payload'; issues: string[] };

/** A verb with its handler: `run` parses the click's untrusted data with the verb's schema before the handler sees it. */
export interface VerbRoute {
  verb: AnyCardVerb;
  run(turn: ActionTurn): Promise<RouteOutcome>;
}

/** The schema's named fields: a catchall (inputs named at run time, like the line card's) is never part of what a card carries. */
type Named<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

type CarriedFields<S extends z.ZodType, I extends string> = Omit<Named<z.input<S>>, I>;
/** What a card's action data must hold: the posted payload minus the fields the card's inputs fill in (`{}` when nothing). */
type Carried<S extends z.ZodType, I extends string> =
  keyof CarriedFields<S, I> extends never ? Record<string, never> : CarriedFields<S, I>;

/**
 * A card verb, declared once (docs/architecture.md, "Add a command or a card verb"). Its schema is the
 * whole payload Teams posts when the button is clicked: the action's `data` merged with the values of the
 * card's inputs (Input.* ids become keys). So the builder takes only what the card carries (`Carried`): the
 * schema's input type without the fields named in `inputs`, which the card's inputs fill. The handler gets
 * the parsed payload, inputs included.
 */
export interface CardVerb<S extends z.ZodType, I extends string = never> {
  /** The verb on the wire. Never rename one: cards already posted in Teams send it. */
  readonly name: string;
  readonly payload: S;
  /** The ids of the card inputs that fill the rest of the payload. */
  readonly inputs: readonly I[];
  /** The button on a card. */
  action(title: string, carried: Carried<S, I>, style?: CardAction['style']): CardAction;
  /** The handler of its clicks, for a feature's `routes`. */
  route(handle: (turn: ActionTurn, payload: z.output<S>) => Promise<TurnResult>): VerbRoute;
}

/** Any declaration, whatever its schema: what the registry and the verb table hold. */
export type AnyCardVerb = CardVerb<z.ZodType, string>;

const declared = new Map<string, AnyCardVerb>();

export function defineVerb<S extends z.ZodType, I extends Extract<keyof z.input<S>, string> = never>(
  name: string, payload: S, options: { inputs?: readonly I[] } = {},
): CardVerb<S, I> {
  if (declared.has(name)) throw new Error(`verb ${name} is declared twice`);
  const verb: CardVerb<S, I> = {
    name,
    payload,
    inputs: options.inputs ?? [],
    action: (title, carried, style = 'default') => ({ title, verb: name, data: { ...carried }, style }),
    route: (handle) => ({
      verb,
      async run(turn) {
        const parsed = payload.safeParse(turn.data);
        if (!parsed.success) return { kind: 'bad_payload', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
        return { kind: 'handled', result: await handle(turn, parsed.data) };
      },
    }),
  };
  declared.set(name, verb);
  return verb;
}

/** Every verb declared so far: the declarations of every card module loaded, which the composition must route. */
export function declaredVerbs(): AnyCardVerb[] {
  return [...declared.values()];
}
