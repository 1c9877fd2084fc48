import type { KnobSettingsInput } from '../../../src/sandbox';
import type { SeededRandom } from '../../integration/hostile/seeded-random';

export type SoakFault = { name: string; knobs: KnobSettingsInput };

const BUSINESS_FAULTS = [
  { code: 900121, status: 400 },
  { code: 13605, status: 403 },
  { code: 800069, status: 400 },
  { code: 800060, status: 409 },
  { code: 800008, status: 404 },
];

/**
 * One fault for the moment a purchase is placed, on the request that places it (`pathPattern`): a burst
 * of 429s, 5xx, connections dropped before or after Partner Center processed the request (more than the
 * bot retries, sometimes), latency, a business refusal, or a cart whose only order group fails.
 */
export function pickFault(random: SeededRandom, pathPattern: string, canFailGroups: boolean): SoakFault {
  const count = 1 + random.int(3);
  switch (random.int(canFailGroups ? 9 : 8)) {
    case 0:
      return { name: 'none', knobs: {} };
    case 1:
      // Retry-After 0: the burst is waited out without the test sleeping.
      return { name: `429×${count}`, knobs: { throttle: { count, retryAfterSeconds: 0, pathPattern } } };
    case 2: {
      const status = random.pick([500, 502, 503, 504] as const);
      return { name: `${status}×${count}`, knobs: { serverErrors: { count, status, pathPattern } } };
    }
    case 3:
      return { name: `drop-before×${count}`, knobs: { dropConnections: { count, pathPattern } } };
    case 4:
    case 5: {
      const drops = 1 + random.int(8);
      return { name: `drop-after×${drops}`, knobs: { dropConnections: { count: drops, pathPattern, afterProcessing: true } } };
    }
    case 6: {
      const ms = 5 + random.int(30);
      return { name: `latency ${ms} ms`, knobs: { latency: { ms, pathPattern } } };
    }
    case 7: {
      const fault = random.pick(BUSINESS_FAULTS);
      return { name: `business ${fault.code}`, knobs: { businessFault: { count: 1, ...fault } } };
    }
    default:
      return { name: 'every order group fails', knobs: { partialSuccess: { count: 1, orderGroup: '0', code: 800005 } } };
  }
}
