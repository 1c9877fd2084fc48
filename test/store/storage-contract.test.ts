import { ETagConflictError, InvalidStorageKeyError } from '../../src/store/errors';
import type { VersionedStorage } from '../../src/store/storage';
import { backends, startBackends, stopBackends } from './backends';

beforeAll(startBackends);
afterAll(stopBackends);

const TEAMS_CONVERSATION_KEY = 'msteams/conversations/19:abc-DEF@thread.tacv2;messageid=1712345678901/ConversationState';

describe.each(backends)('$name storage', ({ name, open }) => {
  let storage: VersionedStorage;
  beforeEach(async () => {
    storage = await open();
  });

  describe('botbuilder Storage interface', () => {
    it('writes, reads with an eTag, leaves missing keys out and deletes', async () => {
      await storage.write({ 'a/1': { total: 1, lines: [{ sku: 'X' }] }, 'a/2': { total: 2 } });

      const items = await storage.read(['a/1', 'a/2', 'a/missing']);

      expect(Object.keys(items).sort()).toEqual(['a/1', 'a/2']);
      expect(items['a/1']).toEqual({ total: 1, lines: [{ sku: 'X' }], eTag: expect.any(String) });
      await storage.delete(['a/1', 'a/missing']);
      expect(await storage.read(['a/1', 'a/2'])).toEqual({ 'a/2': { total: 2, eTag: expect.any(String) } });
    });

    it('shares no object with its callers', async () => {
      const written = { nested: { count: 1 } };
      await storage.write({ doc: written });
      written.nested.count = 99;
      const first = await storage.read(['doc']);
      (first['doc'] as { nested: { count: number } }).nested.count = 42;

      expect((await storage.read(['doc']))['doc']).toMatchObject({ nested: { count: 1 } });
    });

    it('returns a value as stored JSON, also while it still remembers the write', async () => {
      await storage.write({ doc: { v: 1 } });
      const { doc } = await storage.read(['doc']);
      await storage.write({ doc: { ...doc, at: new Date('2026-03-01T10:00:00.000Z'), absent: undefined, nothing: null } });

      const stored = { v: 1, at: '2026-03-01T10:00:00.000Z', nothing: null, eTag: expect.any(String) };
      expect((await storage.read(['doc']))['doc']).toStrictEqual(stored);
      expect((await storage.read(['doc']))['doc']).toStrictEqual(stored);
    });

    it('accepts a write with the eTag it read and rejects a stale one', async () => {
      await storage.write({ doc: { state: 'draft' } });
      const { doc } = await storage.read(['doc']);
      await storage.write({ doc: { ...doc, state: 'priced' } });

      const stale = storage.write({ doc: { ...doc, state: 'cancelled' } });

      await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
      await expect(stale).rejects.toMatchObject({ key: 'doc', message: expect.stringMatching(/eTag conflict/) });
      expect((await storage.read(['doc']))['doc']).toMatchObject({ state: 'priced' });
    });

    it("overwrites unconditionally with eTag '*', '' or no eTag, as BotState does", async () => {
      await storage.write({ doc: { v: 1 } });
      await storage.write({ doc: { v: 2, eTag: '*' } });
      await storage.write({ doc: { v: 3, eTag: '' } });
      await storage.write({ doc: { v: 4 } });

      expect((await storage.read(['doc']))['doc']).toMatchObject({ v: 4 });
    });

    it('treats an eTag on a key that does not exist as a conflict', async () => {
      await storage.write({ doc: { v: 1 } });
      const { doc } = await storage.read(['doc']);
      await storage.delete(['doc']);

      await expect(storage.write({ doc: { ...doc, v: 2 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect(await storage.read(['doc'])).toEqual({});
    });

    it('still writes the other items of a batch when one conflicts', async () => {
      await storage.write({ stale: { v: 1 } });
      const { stale } = await storage.read(['stale']);
      await storage.write({ stale: { v: 2 } });

      await expect(storage.write({ stale: { ...stale, v: 3 }, fresh: { v: 1 } })).rejects.toBeInstanceOf(ETagConflictError);
      expect((await storage.read(['fresh']))['fresh']).toMatchObject({ v: 1 });
    });
  });

  describe('versioned operations', () => {
    it('returns from set the eTag that get then reports', async () => {
      const eTag = await storage.set('doc', { v: 1 });
      const next = await storage.set('doc', { v: 2 }, eTag);

      expect(next).not.toBe(eTag);
      expect(await storage.get('doc')).toEqual({ value: { v: 2 }, eTag: next });
    });

    it('creates only when the key is absent', async () => {
      const eTag = await storage.create('purchases/p1', { state: 'draft' });

      await expect(storage.create('purchases/p1', { state: 'other' })).rejects.toBeInstanceOf(ETagConflictError);
      expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'draft' }, eTag });
      await storage.delete(['purchases/p1']);
      await expect(storage.create('purchases/p1', { state: 'again' })).resolves.toEqual(expect.any(String));
    });

    it('lets exactly one of many concurrent conditional writers win', async () => {
      const eTag = await storage.set('purchases/p1', { state: 'approved' });
      const writers = Array.from({ length: 8 }, (_, i) => storage.set('purchases/p1', { state: 'checking out', by: i }, eTag));

      const outcomes = await Promise.allSettled(writers);

      const winners = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
      expect(winners).toHaveLength(1);
      const losers = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(losers.every((outcome) => outcome.reason instanceof ETagConflictError)).toBe(true);
      expect((await storage.get('purchases/p1'))?.value).toEqual({ state: 'checking out', by: winners[0] });
    });

    it('lets exactly one of many concurrent creators win', async () => {
      const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => storage.create('new', { by: i })));

      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    });

    it('lists keys by prefix, sorted, without near misses', async () => {
      const keys = ['approvals/pending/b', 'approvals/pending/a', 'approvals/pending-old/c', 'approvals/done/d', 'watch/e'];
      await Promise.all(keys.map((key) => storage.set(key, { key })));

      expect(await storage.list('approvals/pending/')).toEqual(['approvals/pending/a', 'approvals/pending/b']);
      expect(await storage.list('approvals/pending')).toEqual([
        'approvals/pending-old/c',
        'approvals/pending/a',
        'approvals/pending/b',
      ]);
      expect(await storage.list('')).toEqual([...keys].sort());
      expect(await storage.list('nothing/')).toEqual([]);
    });

    it('stores keys with Teams, unicode and path-like characters as distinct keys', async () => {
      const keys = [
        TEAMS_CONVERSATION_KEY,
        'msteams/users/29:1AbCdEf-GhIj/UserState',
        'msteams/users/29:1abcdef-ghij/UserState',
        'customers/Zażółć gęślą jaźń/ü%20',
        '../../etc/passwd?x=1#y&z=+',
        'odd/..%2F..%2Fetc/./x',
        'odd/.hidden/~tilde*quote"<>|\\',
      ];
      await Promise.all(keys.map((key) => storage.set(key, { key })));

      for (const key of keys) expect((await storage.get(key))?.value).toEqual({ key });
      expect(await storage.list('')).toEqual([...keys].sort());
      expect(await storage.list('msteams/conversations/19:abc-DEF@thread.tacv2;')).toEqual([TEAMS_CONVERSATION_KEY]);
    });

    it('keeps keys that differ only by empty "/" segments apart, as BotState needs', async () => {
      const keys = ['msteams/users/29:1/', 'msteams/users/29:1', '/msteams//users/29:1'];
      await Promise.all(keys.map((key) => storage.set(key, { key })));

      for (const key of keys) expect((await storage.get(key))?.value).toEqual({ key });
      expect(await storage.list('msteams/users/')).toEqual(['msteams/users/29:1', 'msteams/users/29:1/']);
    });

    it.each(['', '.', '..', 'control\nchar', 'lone\ud800surrogate', 'x'.repeat(1025)])(
      'rejects the key %j before touching the backend',
      async (key) => {
        await expect(storage.set(key, {})).rejects.toBeInstanceOf(InvalidStorageKeyError);
        await expect(storage.read([key])).rejects.toBeInstanceOf(InvalidStorageKeyError);
      },
    );

    it('describes itself without secrets', () => {
      expect(storage.describe()).toMatch(name === 'azure-blob' ? /^Azure Blob Storage/ : new RegExp(`^${name}`));
      expect(storage.describe()).not.toMatch(/AccountKey|Eby8|sig=/);
    });
  });

  describe('commit: several items in one write', () => {
    it('writes a document with the items alongside it and returns every new eTag', async () => {
      const eTag = await storage.set('purchases/p1', { state: 'draft' });

      const next = await storage.set('purchases/p1', { state: 'priced' }, eTag, [
        { op: 'ensure', key: 'index/c1/p1', value: { purchaseId: 'p1' } },
        { op: 'create', key: 'audit/p1/2', value: { action: 'priced' } },
      ]);

      expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag: next });
      expect((await storage.get('audit/p1/2'))?.value).toEqual({ action: 'priced' });
      expect((await storage.get('index/c1/p1'))?.value).toEqual({ purchaseId: 'p1' });
    });

    it('writes nothing alongside when the document lost its eTag race', async () => {
      const eTag = await storage.set('purchases/p1', { state: 'draft' });
      await storage.set('purchases/p1', { state: 'cancelled' }, eTag);

      const stale = storage.set('purchases/p1', { state: 'priced' }, eTag, [{ op: 'create', key: 'audit/p1/2', value: { action: 'priced' } }]);

      await expect(stale).rejects.toBeInstanceOf(ETagConflictError);
      expect(await storage.list('audit/')).toEqual([]);
      expect((await storage.get('purchases/p1'))?.value).toEqual({ state: 'cancelled' });
    });

    it('leaves an item that exists alone on "ensure" and reports it without an eTag', async () => {
      const kept = await storage.create('index/c1/p1', { purchaseId: 'p1' });

      const eTags = await storage.commit([
        { op: 'ensure', key: 'index/c1/p1', value: { purchaseId: 'other' } },
        { op: 'ensure', key: 'index/c1/p2', value: { purchaseId: 'p2' } },
      ]);

      expect(eTags).toEqual([undefined, expect.any(String)]);
      expect(await storage.get('index/c1/p1')).toEqual({ value: { purchaseId: 'p1' }, eTag: kept });
      expect((await storage.get('index/c1/p2'))?.value).toEqual({ purchaseId: 'p2' });
    });

    it('refuses a commit that writes one key twice or an invalid key, before writing anything', async () => {
      const twice = storage.commit([
        { op: 'set', key: 'a', value: { v: 1 } },
        { op: 'set', key: 'a', value: { v: 2 } },
      ]);
      await expect(twice).rejects.toThrow('each key once');
      await expect(storage.commit([{ op: 'set', key: 'b', value: {} }, { op: 'set', key: '', value: {} }])).rejects.toBeInstanceOf(
        InvalidStorageKeyError,
      );
      expect(await storage.list('')).toEqual([]);
    });
  });
});
