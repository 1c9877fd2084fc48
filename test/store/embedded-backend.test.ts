import fs = require('node:fs/promises');
import { join } from 'node:path';
import { createStorage } from '../../src/store/create-storage';
import { AuditLog } from '../../src/store/audit-log';
import { fileNameForKey } from '../../src/store/embedded-file-names';
import { ETagConflictError, InvalidStoredDocumentError } from '../../src/store/errors';
import { isJournalFileName, JournalFailedError } from '../../src/store/write-journal';
import { newTempDirectory, stopBackends } from './backends';

afterAll(stopBackends);
afterEach(() => jest.restoreAllMocks());

const openAt = (dataDir: string) => createStorage({ kind: 'embedded', dataDir });
const actor = { aadObjectId: 'aad-rep', tenantId: 'tenant-1' };

describe('embedded storage on disk', () => {
  it('keeps documents and eTags across a restart', async () => {
    const dataDir = await newTempDirectory();
    const eTag = await (await openAt(dataDir)).set('purchases/p1', { state: 'priced' });

    expect(await (await openAt(dataDir)).get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
  });

  it('ignores a temp file left by an interrupted write and removes it on the next start', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    const leftover = join(dataDir, '.0123456789abcdef.tmp');
    await fs.writeFile(leftover, '{"key":"purchases/p1","eTag":"x","value":{"state":"ord');

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await storage.list('')).toEqual(['purchases/p1']);
    await openAt(dataDir);
    await expect(fs.access(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('attaches a tool beside the running bot without touching its temp files or creating DATA_DIR', async () => {
    const dataDir = await newTempDirectory();
    await (await openAt(dataDir)).set('purchases/p1', { state: 'priced' });
    const inFlight = join(dataDir, '.fedcba9876543210.tmp');
    await fs.writeFile(inFlight, '{"key":"purchases/p1"');

    const attached = await createStorage({ kind: 'embedded', dataDir }, { mode: 'attach' });
    expect((await attached.get('purchases/p1'))?.value).toEqual({ state: 'priced' });
    await expect(fs.access(inFlight)).resolves.toBeUndefined();

    const missing = join(dataDir, 'not-there');
    await expect(createStorage({ kind: 'embedded', dataDir: missing }, { mode: 'attach' })).rejects.toThrow(missing);
    await expect(fs.access(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('leaves the previous version and no temp file when a write fails before it is journalled', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    jest.spyOn(fs, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));

    await expect(storage.set('purchases/p1', { state: 'ordered' }, eTag)).rejects.toThrow('disk full');

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect((await fs.readdir(dataDir)).filter((name) => !isJournalFileName(name))).toEqual([fileNameForKey('purchases/p1')]);
    expect((await openAt(dataDir).then((reopened) => reopened.get('purchases/p1')))?.value).toEqual({ state: 'priced' });
  });

  it('makes a purchase and its audit record durable with one flush and no other fsync', async () => {
    const storage = await openAt(await newTempDirectory());
    const eTag = await storage.set('purchases/p1', { state: 'draft' });
    const probe = await fs.open(__filename, 'r');
    await probe.close();
    const fileHandle = Object.getPrototypeOf(probe) as { datasync(): Promise<void>; sync(): Promise<void> };
    const datasync = jest.spyOn(fileHandle, 'datasync');
    const sync = jest.spyOn(fileHandle, 'sync');
    const log = new AuditLog(storage);

    const { writes } = log.writesFor({ actor, action: 'cart.priced', purchaseId: 'p1', customerId: 'c1', outcome: 'succeeded' });
    await storage.set('purchases/p1', { state: 'priced' }, eTag, writes);

    expect(datasync).toHaveBeenCalledTimes(1);
    expect(sync).not.toHaveBeenCalled();
    expect((await log.listFor({ customerId: 'c1' })).map((record) => record.action)).toEqual(['cart.priced']);
  });

  it('finishes a write that was flushed but not yet in place (a crash) at the next start, audit record included', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'checking_out' });
    jest.spyOn(fs, 'rename').mockRejectedValueOnce(Object.assign(new Error('I/O error'), { code: 'EIO' }));
    const { writes } = new AuditLog(storage).writesFor({ actor, action: 'checkout.ordered', purchaseId: 'p1', orderIds: ['o-1'], outcome: 'succeeded' });

    await expect(storage.set('purchases/p1', { state: 'ordered' }, eTag, writes)).rejects.toBeInstanceOf(JournalFailedError);
    expect((await storage.get('purchases/p1'))?.value).toEqual({ state: 'checking_out' });
    await expect(storage.set('other', { v: 1 })).rejects.toBeInstanceOf(JournalFailedError);

    const restarted = await openAt(dataDir);
    expect((await restarted.get('purchases/p1'))?.value).toEqual({ state: 'ordered' });
    expect((await new AuditLog(restarted).listFor({ orderId: 'o-1' })).map((record) => record.action)).toEqual(['checkout.ordered']);
    expect(await restarted.get('other')).toBeUndefined();
    expect((await fs.readdir(dataDir)).filter(isJournalFileName)).toEqual([]);
  });

  it('keeps every write across a restart once the journal has moved on to a new file', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const padding = 'x'.repeat(10_000);
    for (let n = 0; n < 40; n += 1) await storage.set(`purchases/p${n}`, { n, padding });
    await storage.set('purchases/p0', { n: 'last' });

    const restarted = await openAt(dataDir);

    expect(await restarted.list('purchases/')).toHaveLength(40);
    expect((await restarted.get('purchases/p0'))?.value).toEqual({ n: 'last' });
    expect((await restarted.get('purchases/p39'))?.value).toEqual({ n: 39, padding });
  });

  it('ignores a journal line cut short by a crash: that write was never acknowledged', async () => {
    const dataDir = await newTempDirectory();
    const eTag = await (await openAt(dataDir)).set('purchases/p1', { state: 'priced' });
    const [journal] = (await fs.readdir(dataDir)).filter(isJournalFileName);
    await fs.appendFile(join(dataDir, journal!), `{"seq":${Date.now() * 1000 + 5000},"changes":[{"name":"${fileNameForKey('purchases/p1')}","content":"{\\"key`);

    const restarted = await openAt(dataDir);

    expect(await restarted.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await restarted.list('')).toEqual(['purchases/p1']);
  });

  it('keeps every key inside DATA_DIR under a portable, case-safe file name', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const keys = ['../../escape', '/etc/passwd', '.hidden', 'C:\\Windows', 'a:1AbC', 'a:1abc', 'ü', 'x'.repeat(300)];
    await Promise.all(keys.map((key) => storage.set(key, { key })));

    const names = (await fs.readdir(dataDir)).filter((name) => !isJournalFileName(name));
    expect(names).toHaveLength(keys.length);
    for (const name of names) expect(name).toMatch(/^[a-z0-9_%~-][a-z0-9_.%~-]*\.json$/);
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(keys.length);
    expect((await fs.readdir(join(dataDir, '..'))).some((name) => name === 'escape.json')).toBe(false);
    expect(await storage.list('')).toEqual([...keys].sort());
  });

  it('gives a key too long for a file name a hashed name and still finds it by prefix', async () => {
    const dataDir = await newTempDirectory();
    const longKey = `msteams/conversations/${'A'.repeat(150)}/`;
    await (await openAt(dataDir)).set(longKey, { long: true });
    const reopened = await openAt(dataDir);

    expect(fileNameForKey(longKey)).toMatch(/^~[0-9a-f]{64}\.json$/);
    expect(await reopened.list('msteams/')).toEqual([longKey]);
    expect((await reopened.get(longKey))?.value).toEqual({ long: true });
  });

  it('ignores files it did not write when listing, and reports a damaged document', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    await storage.set('ok', { fine: true });
    await fs.writeFile(join(dataDir, 'README.md'), 'notes');
    await fs.writeFile(join(dataDir, 'Upper.json'), '{}');
    await fs.writeFile(join(dataDir, fileNameForKey('damaged')), '{"key":"damaged"');

    expect(await storage.list('o')).toEqual(['ok']);
    await expect(storage.get('damaged')).rejects.toBeInstanceOf(InvalidStoredDocumentError);
  });

  it('serialises conditional writes from two stores opened on one DATA_DIR in one process', async () => {
    const dataDir = await newTempDirectory();
    const [first, second] = [await openAt(dataDir), await openAt(dataDir)];
    const eTag = await first.set('purchases/p1', { state: 'approved' });

    const outcomes = await Promise.allSettled(
      [first, second, first, second].map((storage, i) => storage.set('purchases/p1', { by: i }, eTag)),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect(outcome.reason).toBeInstanceOf(ETagConflictError);
    }
  });

  it('remembers what it read: a click’s load and its conditional save read no file', async () => {
    const storage = await openAt(await newTempDirectory());
    await storage.set('purchases/p1', { state: 'draft' });
    const loaded = await storage.get('purchases/p1');
    const reads = jest.spyOn(fs, 'readFile');

    const eTag = await storage.set('purchases/p1', { state: 'priced' }, loaded!.eTag, [{ op: 'create', key: 'audit/p1/1', value: { action: 'priced' } }]);
    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    await expect(storage.set('purchases/p1', { state: 'lost' }, loaded!.eTag)).rejects.toBeInstanceOf(ETagConflictError);
    expect(reads).not.toHaveBeenCalled();
  });

  it('hands out copies of what it remembers, and never remembers a read overtaken by a write', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const first = await storage.set('purchases/p1', { state: 'draft' });
    const [read] = await Promise.all([storage.get('purchases/p1'), storage.set('purchases/p1', { state: 'priced' }, first)]);
    read!.value.state = 'changed by the caller';

    const after = await storage.get('purchases/p1');
    expect(after?.value).toEqual({ state: 'priced' });
    expect(after).toEqual(await (await openAt(dataDir)).get('purchases/p1'));
  });
});
