import fs = require('node:fs/promises');
import { join } from 'node:path';
import { createStorage } from '../../src/store/create-storage';
import { AuditLog } from '../../src/store/audit-log';
import { isTempFileName } from '../../src/store/atomic-file';
import { EmbeddedBackend } from '../../src/store/embedded-backend';
import { fileNameForKey } from '../../src/store/embedded-file-names';
import { ETagConflictError, InvalidStoredDocumentError } from '../../src/store/errors';
import { isJournalFileName, JOURNAL_FOLDER } from '../../src/store/journal-lines';
import { VersionedStore } from '../../src/store/versioned-store';
import { PlacementThread } from '../../src/store/placement-thread';
import { JournalFailedError } from '../../src/store/write-journal';
import { newTempDirectory, stopBackends } from './backends';

afterAll(stopBackends);
afterEach(() => jest.restoreAllMocks());

const openAt = (dataDir: string) => createStorage({ kind: 'embedded', dataDir });
const actor = { aadObjectId: 'aad-rep', tenantId: 'tenant-1' };
const documentFiles = async (dataDir: string) => (await fs.readdir(dataDir)).filter((name) => name !== JOURNAL_FOLDER);
const journalFiles = async (dataDir: string) => (await fs.readdir(join(dataDir, JOURNAL_FOLDER))).filter(isJournalFileName);

/**
 * What a crash of the bot leaves: DATA_DIR as it is right now, copied (nothing flushed or placed
 * later reaches the copy), to be opened as the next process would. Opening the same folder again in
 * this process would hand over from the running store's journal instead. The journal is copied first:
 * one retired while the files are copied had its changes placed before it went.
 */
async function crashImage(dataDir: string): Promise<string> {
  const image = await newTempDirectory();
  await copyFiles(join(dataDir, JOURNAL_FOLDER), join(image, JOURNAL_FOLDER));
  await copyFiles(dataDir, image);
  return image;
}

/** A temp file renamed into place while copying is copied under its own name instead. */
async function copyFiles(from: string, to: string): Promise<void> {
  await fs.mkdir(to, { recursive: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    try {
      await fs.copyFile(join(from, entry.name), join(to, entry.name));
    } catch (error) {
      if (!isTempFileName(entry.name)) throw error;
    }
  }
}

async function openBackend(dataDir: string) {
  const backend = await EmbeddedBackend.open(dataDir);
  return { backend, storage: new VersionedStore(backend) };
}

describe('embedded storage on disk', () => {
  it('keeps documents and eTags across a restart, before and after they are placed in their files', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    const beforePlacing = await crashImage(dataDir);
    await backend.placeAll();

    expect(await (await openAt(beforePlacing)).get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await (await openAt(await crashImage(dataDir))).get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await journalFiles(dataDir)).toEqual([]);
  });

  it('ignores a temp file left by an interrupted write and removes it on the next start', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    const leftover = join(dataDir, '.0123456789abcdef.tmp');
    await fs.writeFile(leftover, '{"key":"purchases/p1","eTag":"x","value":{"state":"ord');

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await storage.list('')).toEqual(['purchases/p1']);
    const restarted = await crashImage(dataDir);
    await openAt(restarted);
    await expect(fs.access(join(restarted, '.0123456789abcdef.tmp'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('attaches a tool beside the running bot without touching its temp files or creating DATA_DIR', async () => {
    const dataDir = await newTempDirectory();
    await (await openAt(dataDir)).set('purchases/p1', { state: 'priced' });
    const inFlight = join(dataDir, '.fedcba9876543210.tmp');
    await fs.writeFile(inFlight, '{"key":"purchases/p1"');

    const attached = await createStorage({ kind: 'embedded', dataDir }, { mode: 'attach' });
    expect((await attached.get('purchases/p1'))?.value).toEqual({ state: 'priced' });
    await expect(fs.access(inFlight)).resolves.toBeUndefined();

    await expect(attached.set('purchases/p2', { state: 'draft' })).rejects.toThrow('read-only');
    const missing = join(dataDir, 'not-there');
    await expect(createStorage({ kind: 'embedded', dataDir: missing }, { mode: 'attach' })).rejects.toThrow(missing);
    await expect(fs.access(missing)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('does not acknowledge a write whose journal line fails half-written, keeps the previous version and writes again once there is room', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    const fileHandle = await fileHandlePrototype();
    const realWriteFile = fileHandle.writeFile;
    jest.spyOn(fileHandle, 'writeFile').mockImplementationOnce(async function (this: FileHandleMethods, data) {
      await realWriteFile.call(this, String(data).slice(0, 20), 'utf8');
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    });

    await expect(storage.set('purchases/p1', { state: 'ordered' }, eTag)).rejects.toThrow('disk full');

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    const otherETag = await storage.set('other', { v: 1 });
    expect(await documentFiles(dataDir)).toEqual([]);
    const restarted = await openAt(await crashImage(dataDir));
    expect(await restarted.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await restarted.get('other')).toEqual({ value: { v: 1 }, eTag: otherETag });
  });

  it('stops writing when a failed journal line cannot even be cut back', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'priced' });
    const fileHandle = await fileHandlePrototype();
    jest.spyOn(fileHandle, 'writeFile').mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    jest.spyOn(fileHandle, 'truncate').mockRejectedValueOnce(Object.assign(new Error('i/o error'), { code: 'EIO' }));

    await expect(storage.set('purchases/p1', { state: 'ordered' }, eTag)).rejects.toThrow('disk full');

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    await expect(storage.set('other', { v: 1 })).rejects.toBeInstanceOf(JournalFailedError);
    const restarted = await openAt(await crashImage(dataDir));
    expect(await restarted.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await restarted.get('other')).toBeUndefined();
  });

  it('acknowledges a purchase and its audit record after one append and one flush: no other file is opened, renamed or flushed', async () => {
    const storage = await openAt(await newTempDirectory());
    const eTag = await storage.set('purchases/p1', { state: 'draft' });
    const fileHandle = await fileHandlePrototype();
    const datasync = jest.spyOn(fileHandle, 'datasync');
    const sync = jest.spyOn(fileHandle, 'sync');
    const appends = jest.spyOn(fileHandle, 'writeFile');
    const opens = jest.spyOn(fs, 'open');
    const renames = jest.spyOn(fs, 'rename');
    const log = new AuditLog(storage);

    const { writes } = log.writesFor({ actor, action: 'cart.priced', purchaseId: 'p1', customerId: 'c1', outcome: 'succeeded' });
    await storage.set('purchases/p1', { state: 'priced' }, eTag, writes);

    expect(appends).toHaveBeenCalledTimes(1);
    expect(datasync).toHaveBeenCalledTimes(1);
    expect(sync).not.toHaveBeenCalled();
    expect(opens).not.toHaveBeenCalled();
    expect(renames).not.toHaveBeenCalled();
    expect((await log.listFor({ customerId: 'c1' })).map((record) => record.action)).toEqual(['cart.priced']);
  });

  it('keeps a write acknowledged but not yet in its file (a crash), reads it at the next start and places it in the background, audit record included', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'checking_out' });
    const { writes } = new AuditLog(storage).writesFor({ actor, action: 'checkout.ordered', purchaseId: 'p1', orderIds: ['o-1'], outcome: 'succeeded' });
    await storage.set('purchases/p1', { state: 'ordered' }, eTag, writes);

    const image = await crashImage(dataDir);
    expect(await documentFiles(image)).toEqual([]);
    const { backend: next, storage: restarted } = await openBackend(image);

    expect((await restarted.get('purchases/p1'))?.value).toEqual({ state: 'ordered' });
    expect((await new AuditLog(restarted).listFor({ orderId: 'o-1' })).map((record) => record.action)).toEqual(['checkout.ordered']);
    await next.placeAll();
    expect(JSON.parse(await fs.readFile(join(image, fileNameForKey('purchases/p1')), 'utf8'))).toMatchObject({ value: { state: 'ordered' } });
    expect(await journalFiles(image)).toEqual([]);
  });

  it('stops writing when a file cannot be placed, still reads what was acknowledged, and recovers it at the next start', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    const eTag = await storage.set('purchases/p1', { state: 'checking_out' });
    await storage.set('purchases/p1', { state: 'ordered' }, eTag);
    // Something else took the document's name: a directory that a file cannot be renamed over.
    const blocker = join(dataDir, fileNameForKey('purchases/p1'));
    await fs.mkdir(join(blocker, 'in-the-way'), { recursive: true });

    await expect(backend.placeAll()).rejects.toMatchObject({ name: 'JournalFailedError', cause: { code: expect.stringMatching(/^(EISDIR|ENOTEMPTY|EEXIST)$/) } });

    expect((await storage.get('purchases/p1'))?.value).toEqual({ state: 'ordered' });
    await expect(storage.set('other', { v: 1 })).rejects.toBeInstanceOf(JournalFailedError);
    expect(await journalFiles(dataDir)).toHaveLength(1);
    await fs.rm(blocker, { recursive: true });
    const { backend: reopenedBackend, storage: reopened } = await openBackend(dataDir);
    expect((await reopened.get('purchases/p1'))?.value).toEqual({ state: 'ordered' });
    await expect(reopened.set('other', { v: 2 })).resolves.toEqual(expect.any(String));
    await reopenedBackend.placeAll();
    expect(JSON.parse(await fs.readFile(join(dataDir, fileNameForKey('purchases/p1')), 'utf8'))).toMatchObject({ value: { state: 'ordered' } });
    expect(await journalFiles(dataDir)).toEqual([]);
  });

  it('stops instead of placing older content once another process has replayed its journal and owns DATA_DIR', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    await storage.set('purchases/p1', { state: 'draft' });
    const [journal] = await journalFiles(dataDir);
    const theirs = JSON.stringify({ key: 'purchases/p1', eTag: 'theirs', value: { state: 'ordered' } });
    await fs.writeFile(join(dataDir, fileNameForKey('purchases/p1')), theirs);
    await fs.rm(join(dataDir, JOURNAL_FOLDER, journal!));

    await expect(backend.placeAll()).rejects.toBeInstanceOf(JournalFailedError);

    expect(await fs.readFile(join(dataDir, fileNameForKey('purchases/p1')), 'utf8')).toBe(theirs);
    expect(await (await openAt(dataDir)).get('purchases/p1')).toEqual({ value: { state: 'ordered' }, eTag: 'theirs' });
  });

  it('writes many commits of one document as one file write, and retires the journal once it is in place', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    let eTag = await storage.set('purchases/p1', { clicks: 0 });
    for (let clicks = 1; clicks <= 20; clicks += 1) eTag = await storage.set('purchases/p1', { clicks }, eTag);
    const placements = jest.spyOn(PlacementThread.prototype, 'place');

    await backend.placeAll();

    const placed = placements.mock.calls.filter(([directory]) => directory === dataDir).flatMap(([, files]) => files.map((file) => file.name));
    expect(placed).toEqual([fileNameForKey('purchases/p1')]);
    expect(JSON.parse(await fs.readFile(join(dataDir, fileNameForKey('purchases/p1')), 'utf8'))).toEqual({ key: 'purchases/p1', eTag, value: { clicks: 20 } });
    expect(await journalFiles(dataDir)).toEqual([]);
  });

  it('reads, checks conditions against, lists and deletes documents the journal has not placed yet', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    const placed = await storage.set('purchases/p1', { state: 'draft' });
    await backend.placeAll();
    const newer = await storage.set('purchases/p1', { state: 'priced' }, placed);
    await storage.set('purchases/p2', { state: 'draft' });

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag: newer });
    await expect(storage.set('purchases/p1', { state: 'lost' }, placed)).rejects.toBeInstanceOf(ETagConflictError);
    await expect(storage.create('purchases/p2', { state: 'again' })).rejects.toBeInstanceOf(ETagConflictError);
    expect((await storage.list('purchases/')).sort()).toEqual(['purchases/p1', 'purchases/p2']);

    await storage.delete(['purchases/p1', 'purchases/p2']);
    expect(await storage.get('purchases/p1')).toBeUndefined();
    expect(await storage.get('purchases/p2')).toBeUndefined();
    expect(await storage.list('purchases/')).toEqual([]);
    await expect(storage.create('purchases/p2', { state: 'new' })).resolves.toEqual(expect.any(String));
    expect(await (await openAt(await crashImage(dataDir))).list('purchases/')).toEqual(['purchases/p2']);
    await backend.placeAll();
    expect(await documentFiles(dataDir)).toEqual([fileNameForKey('purchases/p2')]);
  });

  it('lets an attached tool see every acknowledged write, placed or not, removals included', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    const attached = await createStorage({ kind: 'embedded', dataDir }, { mode: 'attach' });
    const placed = await storage.set('purchases/p1', { state: 'draft' });
    await storage.set('purchases/gone', { state: 'draft' });
    await backend.placeAll();
    const newer = await storage.set('purchases/p1', { state: 'priced' }, placed);
    await storage.set('purchases/p2', { state: 'draft' });
    await storage.delete(['purchases/gone']);

    expect(await attached.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag: newer });
    expect((await attached.list('purchases/')).sort()).toEqual(['purchases/p1', 'purchases/p2']);
    expect(await attached.get('purchases/gone')).toBeUndefined();

    await backend.placeAll();
    const last = await storage.set('purchases/p1', { state: 'ordered' }, newer);
    expect(await attached.get('purchases/p1')).toEqual({ value: { state: 'ordered' }, eTag: last });
    expect((await attached.list('purchases/')).sort()).toEqual(['purchases/p1', 'purchases/p2']);
  });

  it('keeps every write across a crash while the journal moves on to new files, and never keeps more than a few of them', async () => {
    const dataDir = await newTempDirectory();
    const { backend, storage } = await openBackend(dataDir);
    const padding = 'x'.repeat(30_000);
    for (let n = 0; n < 60; n += 1) {
      await storage.set(`purchases/p${n % 40}`, { n, padding });
      expect((await journalFiles(dataDir)).length).toBeLessThanOrEqual(3);
    }
    await storage.set('purchases/p0', { n: 'last' });

    const restarted = await openAt(await crashImage(dataDir));

    expect(await restarted.list('purchases/')).toHaveLength(40);
    expect((await restarted.get('purchases/p0'))?.value).toEqual({ n: 'last' });
    expect((await restarted.get('purchases/p39'))?.value).toEqual({ n: 39, padding });
    expect((await restarted.get('purchases/p1'))?.value).toEqual({ n: 41, padding });
    await backend.placeAll();
    expect(await journalFiles(dataDir)).toEqual([]);
  });

  it('ignores a journal line cut short by a crash: that write was never acknowledged', async () => {
    const dataDir = await newTempDirectory();
    const eTag = await (await openAt(dataDir)).set('purchases/p1', { state: 'priced' });
    const image = await crashImage(dataDir);
    const [journal] = await journalFiles(image);
    await fs.appendFile(join(image, JOURNAL_FOLDER, journal!), `{"seq":${Date.now() * 1000 + 5000},"changes":[{"name":"${fileNameForKey('purchases/p1')}","content":"{\\"key`);

    const restarted = await openAt(image);

    expect(await restarted.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag });
    expect(await restarted.list('')).toEqual(['purchases/p1']);
  });

  it('recovers a journal left in DATA_DIR itself by an earlier version', async () => {
    const dataDir = await newTempDirectory();
    const envelope = { key: 'purchases/p1', eTag: 'e-1', value: { state: 'ordered' } };
    const line = { seq: Date.now() * 1000, changes: [{ name: fileNameForKey('purchases/p1'), content: JSON.stringify(envelope) }] };
    await fs.writeFile(join(dataDir, `.journal-${String(Date.now()).padStart(16, '0')}-0123abcd.log`), `${JSON.stringify(line)}\n`);

    const { backend, storage } = await openBackend(dataDir);

    expect(await storage.get('purchases/p1')).toEqual({ value: { state: 'ordered' }, eTag: 'e-1' });
    await backend.placeAll();
    expect(await documentFiles(dataDir)).toEqual([fileNameForKey('purchases/p1')]);
  });

  it('keeps every key inside DATA_DIR under a portable, case-safe file name', async () => {
    const dataDir = await newTempDirectory();
    const storage = await openAt(dataDir);
    const keys = ['../../escape', '/etc/passwd', '.hidden', 'C:\\Windows', 'a:1AbC', 'a:1abc', 'ü', 'x'.repeat(300)];
    await Promise.all(keys.map((key) => storage.set(key, { key })));

    await (await EmbeddedBackend.open(dataDir)).placeAll();
    const names = await documentFiles(dataDir);
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
    const reopened = await openAt(await crashImage(dataDir));

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
    expect(after).toEqual(await (await openAt(await crashImage(dataDir))).get('purchases/p1'));
  });
});

type FileHandleMethods = Pick<fs.FileHandle, 'datasync' | 'sync' | 'writeFile' | 'truncate'>;

async function fileHandlePrototype(): Promise<FileHandleMethods> {
  const probe = await fs.open(__filename, 'r');
  await probe.close();
  return Object.getPrototypeOf(probe) as FileHandleMethods;
}
