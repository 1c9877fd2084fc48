import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { jsonObjectSchema, newETag, shouldWrite, type BackendWrite, type StorageBackend } from './backend';
import { isNotFound, isTempFileName } from './atomic-file';
import { fileNameForKey, fileNamePrefixFor, interpretFileName, isHashedFileName } from './embedded-file-names';
import { DataDirNotWritableError, InvalidStoredDocumentError } from './errors';
import { KeyedMutex } from './keyed-mutex';
import { mapBounded } from './map-bounded';
import type { JsonObject, Versioned } from './storage';
import { recoverJournals, WriteJournal, type FileChange } from './write-journal';
import { RecentDocuments, REMEMBERED_DOCUMENTS } from './recent-documents';

const envelopeSchema = z.object({ key: z.string(), eTag: z.string(), value: jsonObjectSchema });
type Envelope = z.infer<typeof envelopeSchema>;

const PARALLEL_READS = 16;

// Shared by every instance, keyed by absolute file path: two stores opened on one DATA_DIR in the
// same process still serialise their check-then-rename. Other processes are not covered.
const fileLocks = new KeyedMutex();

// The file names in each DATA_DIR this process owns, kept up to date by every write, so that listing
// does not read a directory of a hundred thousand purchases (≈200 ms each time). Read once at open.
const fileNames = new Map<string, Set<string>>();

/**
 * Every click loads its purchase and every commit checks the current eTag: without this, two file reads
 * and a JSON parse per click. Per DATA_DIR, shared like `fileNames`, started empty at each open.
 */
const recentDocuments = new Map<string, RecentDocuments<Envelope>>();

/**
 * Durable single-process storage: one JSON file per key in DATA_DIR, replaced atomically; a write of
 * several keys is made durable by one flush of the write journal.
 */
export class EmbeddedBackend implements StorageBackend {
  private constructor(
    private readonly directory: string,
    private readonly journal?: WriteJournal,
  ) {}

  static async open(dataDir: string): Promise<EmbeddedBackend> {
    const directory = resolve(dataDir);
    await ensureWritableDirectory(directory);
    let names = await readdir(directory);
    if (await recoverJournals(directory, names)) names = await readdir(directory);
    fileNames.set(directory, new Set(await removeLeftoverTempFiles(directory, names)));
    recentDocuments.set(directory, new RecentDocuments(REMEMBERED_DOCUMENTS));
    return new EmbeddedBackend(directory, new WriteJournal(directory));
  }

  /** For a tool beside the running bot: DATA_DIR must exist, and its temp files are the bot's to clean up. */
  static async attach(dataDir: string): Promise<EmbeddedBackend> {
    const directory = resolve(dataDir);
    const found = await stat(directory).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!found?.isDirectory()) throw new Error(`Storage: DATA_DIR ${directory} is not a directory the bot has written to.`);
    return new EmbeddedBackend(directory);
  }

  async get(key: string): Promise<Versioned<JsonObject> | undefined> {
    const name = fileNameForKey(key);
    const recent = this.recent();
    const remembered = recent?.get(name);
    const envelope = remembered ?? (await this.readRemembering(name, key));
    return envelope && { value: structuredClone(envelope.value), eTag: envelope.eTag };
  }

  async commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]> {
    const journal = this.ownJournal();
    const named = writes.map((write) => ({ ...write, name: fileNameForKey(write.key) }));
    return runLocked(named.map(({ name }) => join(this.directory, name)), async () => {
      const currents = await Promise.all(named.map(({ name, key }) => this.current(name, key)));
      const going = named.map(({ key, condition }, index) => shouldWrite(key, condition, currents[index]?.eTag));
      const envelopes = named.map(({ key, value, name }, index) => (going[index] ? { name, envelope: { key, eTag: newETag(), value } } : undefined));
      const written = envelopes.filter((entry) => entry !== undefined);
      if (written.length > 0) await this.apply(journal, written.map(({ name, envelope }) => ({ name, content: JSON.stringify(envelope) })));
      for (const { name, envelope } of written) this.recent()?.replace(name, { ...envelope, value: structuredClone(envelope.value) });
      return envelopes.map((entry) => entry?.envelope.eTag);
    });
  }

  async delete(key: string): Promise<void> {
    const journal = this.ownJournal();
    const name = fileNameForKey(key);
    await fileLocks.run(join(this.directory, name), async () => {
      await this.apply(journal, [{ name, content: null }]);
      this.recent()?.replace(name, undefined);
    });
  }

  async list(prefix: string): Promise<string[]> {
    // Decoding every name in a DATA_DIR of a hundred thousand purchases costs seconds; most cannot match.
    const literal = fileNamePrefixFor(prefix);
    const all = fileNames.get(this.directory) ?? (await readdir(this.directory));
    const names = [...all].filter((name) => name.startsWith(literal) || isHashedFileName(name));
    const keys = await mapBounded(names, PARALLEL_READS, async (name) => {
      const meaning = interpretFileName(name);
      if (meaning.kind === 'key') return meaning.key;
      if (meaning.kind === 'hashed') return (await readEnvelope(join(this.directory, name)))?.key;
      return undefined;
    });
    return keys.filter((key): key is string => key !== undefined && key.startsWith(prefix));
  }

  describe(): string {
    return `embedded (files in ${this.directory})`;
  }

  /** Only a store that makes every write to DATA_DIR itself can trust what it remembers; an attached tool reads the files. */
  private recent(): RecentDocuments<Envelope> | undefined {
    return this.journal ? recentDocuments.get(this.directory) : undefined;
  }

  /**
   * Read under the file's lock, so a commit running meanwhile cannot be overtaken by this older content
   * being remembered after it.
   */
  private async readRemembering(name: string, key: string): Promise<Envelope | undefined> {
    const file = join(this.directory, name);
    const recent = this.recent();
    if (!recent) return readEnvelope(file, key);
    return fileLocks.run(file, async () => {
      const envelope = recent.get(name) ?? (await readEnvelope(file, key));
      if (envelope) recent.remember(name, envelope);
      return envelope;
    });
  }

  /** The stored envelope a commit checks its condition against (the caller holds the file's lock). */
  private async current(name: string, key: string): Promise<Envelope | undefined> {
    const recent = this.recent();
    if (!recent) return readEnvelope(join(this.directory, name), key);
    // The names are kept up to date by every write of this process: a name it has not seen has no file.
    if (!fileNames.get(this.directory)?.has(name)) return undefined;
    return recent.get(name) ?? readEnvelope(join(this.directory, name), key);
  }

  /** A tool attached beside the bot reads only: the bot's journal is the bot's. */
  private ownJournal(): WriteJournal {
    if (!this.journal) throw new Error(`Storage: ${this.directory} is attached read-only; only the bot writes to it.`);
    return this.journal;
  }

  private async apply(journal: WriteJournal, changes: FileChange[]): Promise<void> {
    await journal.commit(changes);
    const names = fileNames.get(this.directory);
    for (const { name, content } of changes) {
      if (content === null) names?.delete(name);
      else names?.add(name);
    }
  }
}

/** Holds the lock of every file, taken in one order so that two commits cannot wait on each other. */
function runLocked<T>(files: string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = [...files].sort();
  if (first === undefined) return task();
  return fileLocks.run(first, () => runLocked(rest, task));
}

async function readEnvelope(file: string, expectedKey?: string): Promise<Envelope | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  const key = expectedKey ?? file;
  let envelope: Envelope;
  try {
    envelope = envelopeSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new InvalidStoredDocumentError(key, `${file} is not a stored document`, { cause: error });
  }
  if (expectedKey !== undefined && envelope.key !== expectedKey) {
    throw new InvalidStoredDocumentError(key, `${file} holds the key ${JSON.stringify(envelope.key)}`);
  }
  return envelope;
}

// Checked up front: otherwise a read-only folder shows up only at the first purchase, as a raw EROFS.
const NOT_WRITABLE_CODES = new Set(['EROFS', 'EACCES', 'EPERM', 'ENOENT']);

async function ensureWritableDirectory(directory: string): Promise<void> {
  try {
    await mkdir(directory, { recursive: true });
    await access(directory, constants.W_OK);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    if (failure.code && NOT_WRITABLE_CODES.has(failure.code)) throw new DataDirNotWritableError(directory, failure);
    throw error;
  }
}

/**
 * A temp file can only be the remains of a write interrupted by a crash (one process per DATA_DIR).
 * Returns the names that remain.
 */
async function removeLeftoverTempFiles(directory: string, names: string[]): Promise<string[]> {
  await Promise.all(names.filter(isTempFileName).map((name) => rm(join(directory, name), { force: true })));
  return names.filter((name) => !isTempFileName(name));
}
