import { constants } from 'node:fs';
import { access, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { assertConditionMet, jsonObjectSchema, newETag, type StorageBackend, type WriteCondition } from './backend';
import { isNotFound, isTempFileName, removeFileDurably, writeFileAtomic } from './atomic-file';
import { fileNameForKey, fileNamePrefixFor, interpretFileName, isHashedFileName } from './embedded-file-names';
import { DataDirNotWritableError, InvalidStoredDocumentError } from './errors';
import { KeyedMutex } from './keyed-mutex';
import { mapBounded } from './map-bounded';
import type { JsonObject, Versioned } from './storage';

const envelopeSchema = z.object({ key: z.string(), eTag: z.string(), value: jsonObjectSchema });
type Envelope = z.infer<typeof envelopeSchema>;

const PARALLEL_READS = 16;

// Shared by every instance, keyed by absolute file path: two stores opened on one DATA_DIR in the
// same process still serialise their check-then-rename. Other processes are not covered.
const fileLocks = new KeyedMutex();

/** Durable single-process storage: one JSON file per key in DATA_DIR, replaced atomically. */
export class EmbeddedBackend implements StorageBackend {
  private constructor(private readonly directory: string) {}

  static async open(dataDir: string): Promise<EmbeddedBackend> {
    const directory = resolve(dataDir);
    await ensureWritableDirectory(directory);
    await removeLeftoverTempFiles(directory);
    return new EmbeddedBackend(directory);
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

  async put(key: string, value: JsonObject, condition: WriteCondition): Promise<string> {
    const file = this.fileFor(key);
    return fileLocks.run(file, async () => {
      const current = await readEnvelope(file, key);
      assertConditionMet(key, condition, current?.eTag);
      const envelope: Envelope = { key, eTag: newETag(), value };
      await writeFileAtomic(file, JSON.stringify(envelope));
      return envelope.eTag;
    });
  }

  async delete(key: string): Promise<void> {
    const file = this.fileFor(key);
    await fileLocks.run(file, () => removeFileDurably(file));
  }

  async list(prefix: string): Promise<string[]> {
    // Decoding every name in a DATA_DIR of a hundred thousand purchases costs seconds; most cannot match.
    const literal = fileNamePrefixFor(prefix);
    const names = (await readdir(this.directory)).filter((name) => name.startsWith(literal) || isHashedFileName(name));
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

/** A temp file can only be the remains of a write interrupted by a crash (one process per DATA_DIR). */
async function removeLeftoverTempFiles(directory: string): Promise<void> {
  const names = await readdir(directory);
  await Promise.all(names.filter(isTempFileName).map((name) => rm(join(directory, name), { force: true })));
}
