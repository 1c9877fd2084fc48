import { createHash } from 'node:crypto';
import { fileNameForKey, fileNamePrefixFor, interpretFileName } from '../../src/store/embedded-file-names';

/**
 * The encoding as it was first released, byte by byte: every name it gave is on some user's disk, so
 * the encoding in use must give exactly the same name for every key.
 */
function releasedStem(key: string): string {
  let stem = '';
  for (const byte of Buffer.from(key, 'utf8')) {
    const char = String.fromCharCode(byte);
    const literal = /^[a-z0-9_-]$/.test(char) || (char === '.' && stem.length > 0);
    stem += literal ? char : `%${byte.toString(16).padStart(2, '0')}`;
  }
  return stem;
}

function releasedFileName(key: string): string {
  const encoded = releasedStem(key);
  return `${encoded.length <= 200 ? encoded : `~${createHash('sha256').update(key).digest('hex')}`}.json`;
}

const asciiCharacters = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code));
const printable = asciiCharacters.filter((char) => char >= ' ' && char <= '~');
const nonAscii = ['ą', 'ć', 'ę', 'ł', 'ń', 'ó', 'ś', 'ź', 'ż', 'Ż', 'é', '\u00a0', '\u00ff', '\u0100', '\u07ff', '\u0800', '漢', '字', '\uffff', '😀', '👩‍💻', '\ud800', '\udfff'];

const handPicked = [
  'purchases/068df71e-60db-415d-afc6-e726397c3ebb',
  'sessions/a:latency-0/11111111-1111-4111-8111-000000000000',
  'audit/purchase/068df71e-60db-415d-afc6-e726397c3ebb/2026-12-04T21:48:22.818Z-000118-8a1be5f7',
  'msteams/conversations/19:abc@thread.tacv2/',
  'plain-ascii_key.0',
  'UPPER/Case/MiXeD',
  printable.join(''),
  `x${printable.join('')}`,
  '.hidden',
  '..',
  '.',
  'a.b..c.',
  '100%/50%25',
  '/leading/slash/',
  'C:\\Windows:stream',
  'zamówienia/Zażółć gęślą jaźń',
  '顧客/注文/漢字',
  'emoji/😀/👩‍💻',
  'lone/\ud800/high',
  'lone/\udfff/low',
  '\ud83d',
  'tail\ud83d',
  'control\u0000\u001f\u007f',
];

/** Every character next to every other kind, and at the start, where `.` is escaped. */
const combined = [...printable, ...nonAscii].flatMap((char) => [char, `${char}${char}`, `a${char}`, `${char}a`, `.${char}`, `${char}.`, `ż${char}.`]);

/** Around the 200-character limit past which a name is hashed: literal, escaped and multi-byte. */
const nearTheLimit = [199, 200, 201].flatMap((length) => ['a'.repeat(length), `${'a'.repeat(length - 3)}%`, `${'a'.repeat(length - 6)}ż`, 'A'.repeat(Math.ceil(length / 3))]);

/** Deterministic mixtures of everything above, up to twice the limit. */
function mixedKeys(count: number): string[] {
  const pool = [...asciiCharacters, ...nonAscii, 'purchases/', '-'];
  let seed = 20261205;
  const next = (below: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % below;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(120) }, () => pool[next(pool.length)]).join(''));
}

const LONE_SURROGATE = /\p{Cs}/u;

const corpus = [...handPicked, ...asciiCharacters, ...combined, ...nearTheLimit, ...mixedKeys(3000)];

describe('embedded file names', () => {
  it('gives every key exactly the name the released encoding gave it', () => {
    const differing = corpus.filter((key) => fileNameForKey(key) !== releasedFileName(key));
    expect(differing).toEqual([]);
    expect(corpus.filter((key) => fileNamePrefixFor(key) !== releasedStem(key))).toEqual([]);
  });

  it('covers literal, escaped and hashed names in that corpus', () => {
    const names = corpus.map(fileNameForKey);
    expect(names).toContain('purchases%2f068df71e-60db-415d-afc6-e726397c3ebb.json');
    expect(fileNameForKey('.hidden')).toBe('%2ehidden.json');
    expect(fileNameForKey('zamówienia/Zażółć')).toBe('zam%c3%b3wienia%2f%5aa%c5%bc%c3%b3%c5%82%c4%87.json');
    expect(fileNameForKey('lone\ud800')).toBe('lone%ef%bf%bd.json');
    expect(fileNameForKey('a'.repeat(200))).toBe(`${'a'.repeat(200)}.json`);
    expect(fileNameForKey('a'.repeat(201))).toMatch(/^~[0-9a-f]{64}\.json$/);
    expect(names.filter((name) => name.startsWith('~')).length).toBeGreaterThan(100);
  });

  it('reads back the key of every literal name it gives', () => {
    const wellFormed = corpus.filter((key) => !LONE_SURROGATE.test(key) && !fileNameForKey(key).startsWith('~'));
    expect(wellFormed.length).toBeGreaterThan(1000);
    expect(wellFormed.filter((key) => JSON.stringify(interpretFileName(fileNameForKey(key))) !== JSON.stringify({ kind: 'key', key }))).toEqual([]);
  });
});
