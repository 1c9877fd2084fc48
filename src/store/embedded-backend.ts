import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { jsonObjectSchema, newETag, shouldWrite, type BackendWrite, type StorageBackend } from './backend';
import { isNotFound, isTempFileName } from './atomic-file';
import { fileNameForKey, fileNamePrefixFor, interpretFileName, isHashedFileName } from './embedded-file-names';
import { DataDirNotWritableError, InvalidStoredDocumentError } from './errors';
import { isJournalFileName, JOURNAL_FOLDER } from './journal-lines';
import { JournalOverlay } from './journal-overlay';
import { readLeftJournals } from './journal-recovery';
import { KeyedMutex } from './keyed-mutex';
import { mapBounded } from './map-bounded';
import type { JsonObject, Versioned } from './storage';
import { JournalFailedError, WriteJournal, type FileChange } from './write-journal';
import { RecentDocuments, REMEMBERED_DOCUMENTS, type StoredText } from './recent-documents';

const envelopeSchema = z.object({ key: z.string(), eTag: z.string(), value: jsonObjectSchema });
type Envelope = z.infer<typeof envelopeSchema>;

const PARALLEL_READS = 16;

// Shared by every instance, keyed by absolute file path: two stores opened on one DATA_DIR in the
// same process still serialise their check-then-write. Other processes are not covered.
const fileLocks = new KeyedMutex();

/**
 * What this process knows of a DATA_DIR it owns, shared by every store opened on it: the journal (whose
 * acknowledged changes may not be in the files yet; one per DATA_DIR and process), the file names, kept
 * up to date by every write so that listing does not read a directory of a hundred thousand purchases
 * (≈200 ms each time; read once at open), and the documents read most recently (without them, every
 * click would read and parse its purchase twice: its load and its commit's eTag check). Opening DATA_DIR
 * again replaces the names and documents with what is on the disk then, as a restart would.
 */
interface OwnedDirectory {
  journal: WriteJournal;
  names: Set<string>;
  recent: RecentDocuments<StoredText>;
}

const ownedDirectories = new Map<string, OwnedDirectory>();

/**
 * Durable single-process storage: one JSON file per key in DATA_DIR. A commit of several keys is
 * durable once its line in the write journal is flushed; the files follow in the background (see
 * WriteJournal), and every read looks at the journal's unplaced content first.
 */
export class EmbeddedBackend implements StorageBackend {
  private constructor(
    private readonly directory: string,
    private readonly overlay?: JournalOverlay,
  ) {}

  static async open(dataDir: string): Promise<EmbeddedBackend> {
    const directory = resolve(dataDir);
    ownedDirectories.set(directory, await ownDirectory(directory, ownedDirectories.get(directory)?.journal));
    return new EmbeddedBackend(directory);
  }

  /** For a tool beside the running bot: DATA_DIR must exist, and its temp files and journal are the bot's. */
  static async attach(dataDir: string): Promise<EmbeddedBackend> {
    const directory = resolve(dataDir);
    const found = await stat(directory).catch((error: unknown) => {
      if (isNotFound(error)) return undefined;
      throw error;
    });
    if (!found?.isDirectory()) throw new Error(`Storage: DATA_DIR ${directory} is not a directory the bot has written to.`);
    return new EmbeddedBackend(directory, new JournalOverlay(directory));
  }

  async get(key: string): Promise<Versioned<JsonObject> | undefined> {
    const name = fileNameForKey(key);
    const owned = this.owned();
    if (!owned) return versionedOf(await this.readAttached(name, key));
    const remembered = owned.recent.get(name);
    return versionedOf(remembered ? parseRemembered(remembered) : await this.readRemembering(owned, name, key));
  }

  async commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]> {
    const owned = this.ownDirectory();
    const named = writes.map((write) => ({ ...write, name: fileNameForKey(write.key) }));
    return runLocked(named.map(({ name }) => join(this.directory, name)), async () => {
      const currents = await Promise.all(named.map(({ name, key }) => this.currentETag(owned, name, key)));
      const going = named.map(({ key, condition }, index) => shouldWrite(key, condition, currents[index]));
      const newDocuments = named.map(({ key, value, name }, index) => (going[index] ? { name, ...newVersion(key, value) } : undefined));
      const written = newDocuments.filter((entry) => entry !== undefined);
      if (written.length > 0) await apply(owned, written.map(({ name, text }) => ({ name, content: text })));
      for (const { name, eTag, text } of written) owned.recent.replace(name, { eTag, text });
      return newDocuments.map((entry) => entry?.eTag);
    });
  }

  async delete(key: string): Promise<void> {
    const owned = this.ownDirectory();
    const name = fileNameForKey(key);
    await fileLocks.run(join(this.directory, name), async () => {
      await apply(owned, [{ name, content: null }]);
      owned.recent.replace(name, undefined);
    });
  }

  async list(prefix: string): Promise<string[]> {
    // Decoding every name in a DATA_DIR of a hundred thousand purchases costs seconds; most cannot match.
    const literal = fileNamePrefixFor(prefix);
    const all = this.owned()?.names ?? (await this.attachedNames());
    const names = [...all].filter((name) => name.startsWith(literal) || isHashedFileName(name));
    const keys = await mapBounded(names, PARALLEL_READS, async (name) => {
      const meaning = interpretFileName(name);
      if (meaning.kind === 'key') return meaning.key;
      if (meaning.kind === 'hashed') return (await this.stored(name))?.envelope.key;
      return undefined;
    });
    return keys.filter((key): key is string => key !== undefined && key.startsWith(prefix));
  }

  describe(): string {
    return `embedded (files in ${this.directory})`;
  }

  /** Placed, flushed and retired: everything acknowledged so far is in the document files. */
  async placeAll(): Promise<void> {
    await this.ownDirectory().journal.placeAll();
  }

  /**
   * Read under the file's lock, so a commit running meanwhile cannot be overtaken by this older content
   * being remembered after it.
   */
  private readRemembering(owned: OwnedDirectory, name: string, key: string): Promise<Envelope | undefined> {
    return fileLocks.run(join(this.directory, name), async () => {
      const remembered = owned.recent.get(name);
      if (remembered) return parseRemembered(remembered);
      const stored = await this.stored(name, key);
      if (!stored) return undefined;
      owned.recent.remember(name, { eTag: stored.envelope.eTag, text: stored.text });
      return stored.envelope;
    });
  }

  /** The journals first, then the file: a journal retired meanwhile placed its content before going. */
  private async readAttached(name: string, key: string): Promise<Envelope | undefined> {
    await this.overlay?.refresh();
    return (await this.stored(name, key))?.envelope;
  }

  /** The files' names, with what the bot's journals created or removed and has not placed yet. */
  private async attachedNames(): Promise<Set<string>> {
    await this.overlay?.refresh();
    const names = new Set(await readdir(this.directory));
    for (const [name, content] of this.overlay?.newest() ?? []) {
      if (content === null) names.delete(name);
      else names.add(name);
    }
    return names;
  }

  /** The newest acknowledged envelope, parsed and as text: the journal's content not yet placed, else the file. */
  private async stored(name: string, expectedKey?: string): Promise<{ envelope: Envelope; text: string } | undefined> {
    const file = join(this.directory, name);
    const owned = this.owned();
    const unplaced = owned ? owned.journal.unplacedContent(name) : this.overlay?.content(name);
    if (unplaced === null) return undefined;
    let text = unplaced;
    try {
      text ??= await readFile(file, 'utf8');
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return { envelope: parseEnvelope(text, file, expectedKey), text };
  }

  /** The eTag a commit checks its condition against (the caller holds the file's lock). */
  private async currentETag(owned: OwnedDirectory, name: string, key: string): Promise<string | undefined> {
    // The names are kept up to date by every write of this process: a name it has not seen has no document.
    if (!owned.names.has(name)) return undefined;
    return owned.recent.get(name)?.eTag ?? (await this.stored(name, key))?.envelope.eTag;
  }

  writesStopped(): Error | undefined {
    return this.owned()?.journal.stoppedBy();
  }

  /** Looked up at each use: opening DATA_DIR again replaces it for every store opened on it. */
  private owned(): OwnedDirectory | undefined {
    return this.overlay ? undefined : ownedDirectories.get(this.directory);
  }

  /** A tool attached beside the bot reads only: the bot's journal is the bot's. */
  private ownDirectory(): OwnedDirectory {
    const owned = this.owned();
    if (!owned) throw new Error(`Storage: ${this.directory} is attached read-only; only the bot writes to it.`);
    return owned;
  }
}

async function ownDirectory(directory: string, running: WriteJournal | undefined): Promise<OwnedDirectory> {
  await ensureWritableDirectory(directory);
  const journal = await handOver(directory, running);
  const names = await readdir(directory);
  const left = await readLeftJournals(directory, names, (file) => journal.owns(file));
  journal.adopt(left.files, left.newest);
  // A temp file of this process's running journal may be one it is placing right now.
  const kept = journal === running ? names : await removeLeftoverTempFiles(directory, names);
  const documents = new Set(kept.filter((name) => name !== JOURNAL_FOLDER && !isTempFileName(name) && !isJournalFileName(name)));
  // What the journal holds and has not placed yet: left by a previous process, or committed during this open.
  for (const [name, content] of journal.unplacedChanges()) {
    if (content === null) documents.delete(name);
    else documents.add(name);
  }
  return { journal, names: documents, recent: new RecentDocuments(REMEMBERED_DOCUMENTS) };
}

/**
 * Writes out what every DATA_DIR of this process holds only in its journal, so a stopping bot leaves
 * the document files current (the next start then has no journal to adopt) and a folder can be removed
 * without a background write racing the removal. A stopped journal is left for the next start to replay.
 */
export async function placeEveryJournal(): Promise<void> {
  for (const { journal } of ownedDirectories.values()) {
    await journal.placeAll().catch((error: unknown) => {
      if (!(error instanceof JournalFailedError)) throw error;
    });
  }
}

/**
 * The journal this process keeps writing to DATA_DIR with. Opened again (a test, a tool), it first
 * places what it holds, so the files read next are current. A failed one (or one whose files another
 * process has replayed) is replaced: its journal files are replayed like a crashed process's.
 */
async function handOver(directory: string, running: WriteJournal | undefined): Promise<WriteJournal> {
  if (running && !running.stoppedBy()) {
    try {
      await running.placeAll();
      return running;
    } catch (error) {
      if (!(error instanceof JournalFailedError)) throw error;
    }
  }
  return WriteJournal.open(directory);
}

async function apply(owned: OwnedDirectory, changes: FileChange[]): Promise<void> {
  await owned.journal.commit(changes);
  for (const { name, content } of changes) {
    if (content === null) owned.names.delete(name);
    else owned.names.add(name);
  }
}

/** Holds the lock of every file, taken in one order so that two commits cannot wait on each other. */
function runLocked<T>(files: string[], task: () => Promise<T>): Promise<T> {
  const [first, ...rest] = [...files].sort();
  if (first === undefined) return task();
  return fileLocks.run(first, () => runLocked(rest, task));
}

/** A new eTag, and the envelope as the file will hold it. */
function newVersion(key: string, value: JsonObject): StoredText {
  const eTag = newETag();
  const envelope: Envelope = { key, eTag, value };
  return { eTag, text: JSON.stringify(envelope) };
}

/** Checked when it was remembered (read and checked, or made by a write): each call is a new copy, the caller's own. */
function parseRemembered(remembered: StoredText): Envelope {
  return JSON.parse(remembered.text) as Envelope;
}

function versionedOf(envelope: Envelope | undefined): Versioned<JsonObject> | undefined {
  return envelope && { value: envelope.value, eTag: envelope.eTag };
}

function parseEnvelope(text: string, file: string, expectedKey?: string): Envelope {
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
