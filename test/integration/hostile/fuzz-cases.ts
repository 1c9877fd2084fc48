import type { TeamsUser } from '../harness/teams-client';
import { EXTRA_KEYS, brokenReferenceValue, hostileValue, prototypeKeyed, randomUuid } from './hostile-values';
import type { PurchaseRef } from './cart-driver';
import type { SeededRandom } from './seeded-random';

/** What the clicker must be told: the refusal notice the case has to end in. */
export type Refusal = 'notOwner' | 'notFound' | 'badInput' | 'failure' | 'current' | 'ignored';

export interface FuzzCase {
  description: string;
  user: TeamsUser;
  via: 'execute' | 'submit';
  verb: string;
  locale: string;
  /** The action data (execute) or the submitted value without the verb (submit). */
  data: unknown;
  /** Any of these outcomes is correct for the case. */
  acceptable: Refusal[];
}

export interface FuzzWorld {
  owner: TeamsUser;
  intruder: TeamsUser;
  /** The owner's purchase as it stands: every case is aimed at it. */
  target: PurchaseRef;
  /** Inputs each routed verb's schema accepts (besides the reference): the starting point of every case. */
  validInputs: Record<string, Record<string, unknown>>;
}

const ODD_VERBS = [
  '', 'cart', 'cart.', 'CART.START', 'cart.start ', 'cart.placeorder', 'cart.placeOrder\u0000', '__proto__', 'constructor',
  'toString', 'hasOwnProperty', 'prototype', 'cart.__proto__', 'approval.approve', 'x'.repeat(64), 'x'.repeat(65),
  'cart.placeOrder'.repeat(10),
];

/** A plain-JSON object whose keys may include `__proto__` as an own key, as JSON.parse produces. */
function wireObject(entries: Record<string, unknown>): Record<string, unknown> {
  const object = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(entries)) object[key] = value;
  return object;
}

function mutateFields(rng: SeededRandom, data: Record<string, unknown>, protectedKeys: string[]): void {
  const mutations = 1 + rng.int(3);
  for (let i = 0; i < mutations; i++) {
    const own = Object.keys(data).filter((k) => !protectedKeys.includes(k));
    const key = own.length > 0 && rng.chance(0.6) ? rng.pick(own) : rng.pick(EXTRA_KEYS.filter((k) => !protectedKeys.includes(k)));
    if (rng.chance(0.2)) delete data[key];
    else data[key] = hostileValue(rng);
  }
}

const NOT_AN_OBJECT: unknown[] = [[], ['purchaseId'], 'cart', 42, true, [{ purchaseId: 'x' }]];

/**
 * One seeded hostile click at the owner's purchase. Every class must change nothing; they differ in what
 * the clicker is told.
 */
export function fuzzCase(rng: SeededRandom, world: FuzzWorld, routedVerbs: string[]): FuzzCase {
  const refVerbs = routedVerbs.filter((v) => v !== 'cart.start');
  const via = rng.chance(0.7) ? 'execute' : 'submit';
  const locale = rng.pick(['en-US', 'pl-PL', 'pl', 'xx-YY', '__proto__', 'en-US'.repeat(30)]);
  const verb = rng.pick(refVerbs);
  const valid = () => {
    const data = wireObject({ ...world.target, ...world.validInputs[verb] });
    if (rng.chance(0.3)) Object.assign(data, { ...prototypeKeyed() });
    return data;
  };
  const base = { via, locale, verb } as const;
  switch (rng.int(6)) {
    case 0: {
      const data = valid();
      mutateFields(rng, data, ['purchaseId', 'version']);
      return { ...base, description: `intruder sends ${verb} with hostile fields`, user: world.intruder, data, acceptable: ['notOwner', 'badInput'] };
    }
    case 1: {
      const data = valid();
      return { ...base, description: `intruder replays the owner's ${verb}`, user: world.intruder, data, acceptable: ['notOwner'] };
    }
    case 2: {
      const data = valid();
      const field = rng.pick(['purchaseId', 'version']);
      if (rng.chance(0.25)) delete data[field];
      else data[field] = brokenReferenceValue(rng);
      if (rng.chance(0.5)) mutateFields(rng, data, ['purchaseId', 'version']);
      return { ...base, description: `owner sends ${verb} with a broken ${field}`, user: world.owner, data, acceptable: ['badInput'] };
    }
    case 3: {
      const data = valid();
      data.purchaseId = randomUuid(rng);
      const user = rng.pick([world.owner, world.intruder]);
      return { ...base, description: `${verb} for a purchase that does not exist`, user, data, acceptable: ['notFound'] };
    }
    case 4: {
      const oddVerb = rng.pick(ODD_VERBS);
      // Teams' envelope check (1–64 characters) refuses some verbs before any flow runs.
      const refusedByEnvelope = oddVerb.length === 0 || oddVerb.length > 64;
      const acceptable: Refusal[] = refusedByEnvelope ? (via === 'execute' ? ['failure'] : ['ignored']) : ['badInput'];
      return { ...base, verb: oddVerb, description: `unknown verb ${JSON.stringify(oddVerb.slice(0, 40))}`, user: rng.pick([world.owner, world.intruder]), data: valid(), acceptable };
    }
    default: {
      const anyVerb = rng.pick(routedVerbs);
      const data = rng.pick(NOT_AN_OBJECT);
      // A submit whose value is not an object carries no verb: it is not a card action at all.
      const acceptable: Refusal[] = via === 'submit' ? ['ignored'] : ['badInput'];
      return { ...base, verb: anyVerb, description: `${anyVerb} with ${JSON.stringify(data)} as its data`, user: rng.pick([world.owner, world.intruder]), data, acceptable };
    }
  }
}
