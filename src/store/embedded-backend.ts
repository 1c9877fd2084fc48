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
    const envelope = await readEnvelope(this.fileFor(key), key);
    return envelope && { value: envelope.value, eTag: envelope.eTag };
  }

  async commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]> {
    const journal = this.ownJournal();
    const files = writes.map(({ key }) => fileNameForKey(key));
    return runLocked(files.map((name) => join(this.directory, name)), async () => {
      const currents = await Promise.all(writes.map(({ key }) => readEnvelope(join(this.directory, fileNameForKey(key)), key)));
      const going = writes.map(({ key, condition }, index) => shouldWrite(key, condition, currents[index]?.eTag));
      const envelopes = writes.map(({ key, value }, index) => (going[index] ? { key, eTag: newETag(), value } : undefined));
      const changes = envelopes.flatMap((envelope) => (envelope ? [{ name: fileNameForKey(envelope.key), content: JSON.stringify(envelope) }] : []));
      if (changes.length > 0) await this.apply(journal, changes);
      return envelopes.map((envelope) => envelope?.eTag);
    });
  }

  async delete(key: string): Promise<void> {
    const journal = this.ownJournal();
    const name = fileNameForKey(key);
    await fileLocks.run(join(this.directory, name), () => this.apply(journal, [{ name, content: null }]));
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

  private fileFor(key: string): string {
    return join(this.directory, fileNameForKey(key));
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
