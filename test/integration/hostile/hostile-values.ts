import type { SeededRandom } from './seeded-random';

/** Just under the bot's 1 MB body limit once wrapped in an activity, so it reaches the flows. */
export const NEARLY_ONE_MEGABYTE = 900 * 1024;

/** JSON.parse keeps `__proto__` as an own key, which is how it arrives off the wire. */
export const prototypeKeyed = (): Record<string, unknown> => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":{"polluted":"yes"}}');

/** Text that reads like a number to a careless parser, or like nothing at all. */
const NUMBER_LIKE_TEXT = [
  'NaN', 'Infinity', '-Infinity', '1e309', '-1', '-0', '+5', '1.5', '1e3', '0x1F', '0b11', ' 3 ', '3 ', '٣', '３',
  '9007199254740993', '99999999999999999999', '', ' ', 'null', 'undefined', 'true', '[]', '{}',
] as const;

const STRANGE_TEXT = [
  '${purchaseId}', '${if(true, "a", "b")}', '<at>Partner Cart</at>', '\u0000\u0001', '\u202eevil', '😀'.repeat(40),
  '../../../etc/passwd', "'; DROP TABLE purchases; --", '__proto__', 'constructor', 'prototype', 'toString',
  'x'.repeat(257), 'ł'.repeat(150),
] as const;

/** A value of the wrong type or shape for any card field. */
export function hostileValue(rng: SeededRandom): unknown {
  switch (rng.int(7)) {
    case 0:
      return rng.pick([0, -1, 1.5, 2 ** 53, Number.MAX_VALUE, true, false, null]);
    case 1:
      return rng.pick([[], [1, 2], ['a'], [{}], [[]]]);
    case 2:
      return rng.pick([{}, { value: 'x' }, { length: 3 }, prototypeKeyed()]);
    case 3:
      return rng.pick(NUMBER_LIKE_TEXT);
    case 4:
      return rng.pick(STRANGE_TEXT);
    case 5:
      return rng.chance(0.1) ? 'A'.repeat(NEARLY_ONE_MEGABYTE) : 'A'.repeat(101 + rng.int(4000));
    default:
      return randomUuid(rng);
  }
}

/** A value no purchase reference accepts: never a UUID, never a whole number. */
export function brokenReferenceValue(rng: SeededRandom): unknown {
  const candidates: unknown[] = [
    null, true, [], {}, prototypeKeyed(), 1.5, -1, 'NaN', 'Infinity', '1e309', '0x1F', '', ' 1', 'abc', '../x',
    'A'.repeat(5000), randomUuid(rng).toUpperCase().replace(/-/g, ''), `${randomUuid(rng)}x`,
  ];
  return rng.pick(candidates);
}

export function randomUuid(rng: SeededRandom): string {
  const hex = Array.from({ length: 32 }, () => rng.int(16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + rng.int(4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** Field names worth trying as extra keys: the prototype keys and names other verbs use. */
export const EXTRA_KEYS = [
  '__proto__', 'constructor', 'prototype', 'verb', 'owner', 'status', 'lines', 'price', 'catalogItemId', 'quantity',
  'aadObjectId', 'version', 'purchaseId', 'msteams',
] as const;
