import { randomBytes } from 'node:crypto';
import { open, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isNotFound, removeFile, replaceFile, syncDirectory, syncFile, writeTempFile } from './atomic-file';

/** A file's new content, or `null` for its removal. */
export interface FileChange {
  name: string;
  content: string | null;
}

const JOURNAL_FILE = /^\.journal-\d{16}-[0-9a-f]{8}\.log$/;
/** Past this size the journal starts a new file and the old one is retired in the background. */
const ROTATE_BYTES = 256 * 1024;

const lineSchema = z.object({
  seq: z.number(),
  changes: z.array(z.object({ name: z.string(), content: z.string().nullable() })),
});

export function isJournalFileName(name: string): boolean {
  return JOURNAL_FILE.test(name);
}

// Process-wide and time-based: two journals on one directory (two stores in one process, or a restart)
// still order their changes, and recovery keeps the newest change of every file.
let lastSeq = 0;
function nextSeq(): number {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return lastSeq;
}

interface Pending {
  changes: FileChange[];
  /** Settles the commit; later calls change nothing (a promise settles once). */
  done: (error?: unknown) => void;
}

interface Generation {
  file: string;
  created: boolean;
  bytes: number;
  touched: Set<string>;
}

/**
 * Makes a group of file changes durable with one flush, instead of a temp file, fsync, rename and
 * directory fsync per file. A commit writes the new contents to temp files, appends one line with every
 * change to the journal and flushes it (fdatasync), then renames the temp files into place, unflushed.
 * Commits that arrive while a flush is running share the next one (group commit). A crash at any point
 * loses nothing that was acknowledged: the next start replays the journal (`recoverJournals`). Files
 * renamed into place are flushed when their journal file is retired, in the background.
 */
export class WriteJournal {
  private queue: Pending[] = [];
  private draining = false;
  private generation: Generation;
  private retiring: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly directory: string) {
    this.generation = this.newGeneration();
  }

  commit(changes: FileChange[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ changes, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0);
      if (this.failure !== undefined) {
        for (const pending of batch) pending.done(new JournalFailedError(this.failure));
        continue;
      }
      try {
        await this.write(batch);
      } catch (error) {
        // Cleaning up after an earlier failure failed too: stop, and settle whatever is not settled yet.
        this.failure ??= error;
        for (const pending of batch) pending.done(new JournalFailedError(error));
      }
    }
    this.draining = false;
  }

  /** Each pending commit is settled exactly once; a failure after the flush stops the journal (see JournalFailedError). */
  private async write(batch: Pending[]): Promise<void> {
    const staged = await Promise.all(batch.map(async (pending) => ({ pending, temps: await this.stage(pending) })));
    const ready = staged.filter((entry): entry is { pending: Pending; temps: Map<string, string> } => entry.temps !== undefined);
    try {
      if (ready.length > 0) await this.append(ready.map(({ pending }) => pending.changes));
    } catch (error) {
      this.failure = error;
      await Promise.all(ready.flatMap(({ temps }) => [...temps.values()].map((temp) => removeFile(temp))));
      for (const { pending } of ready) pending.done(error);
      return;
    }
    try {
      for (const { pending, temps } of ready) await this.place(pending.changes, temps);
    } catch (error) {
      this.failure = error;
      for (const { pending } of ready) pending.done(new JournalFailedError(error));
      return;
    }
    for (const { pending } of ready) pending.done();
    if (this.generation.bytes >= ROTATE_BYTES) this.rotate();
  }

  /** Writes the new contents to temp files; a failure here (disk full) fails only this commit, and nothing changed. */
  private async stage(pending: Pending): Promise<Map<string, string> | undefined> {
    const temps = new Map<string, string>();
    try {
      for (const change of pending.changes) {
        if (change.content !== null) temps.set(change.name, await writeTempFile(this.directory, change.content));
      }
      return temps;
    } catch (error) {
      await Promise.all([...temps.values()].map((temp) => removeFile(temp)));
      pending.done(error);
      return undefined;
    }
  }

  private async append(commits: FileChange[][]): Promise<void> {
    const text = commits.map((changes) => `${JSON.stringify({ seq: nextSeq(), changes })}\n`).join('');
    const generation = this.generation;
    const handle = await open(generation.file, 'a');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
    if (!generation.created) {
      // The journal file itself must be findable after a power loss.
      await syncDirectory(this.directory);
      generation.created = true;
    }
    generation.bytes += Buffer.byteLength(text);
    for (const changes of commits) for (const change of changes) generation.touched.add(change.name);
  }

  private async place(changes: FileChange[], temps: Map<string, string>): Promise<void> {
    for (const change of changes) {
      const temp = temps.get(change.name);
      if (temp === undefined) await removeFile(join(this.directory, change.name));
      else await rename(temp, join(this.directory, change.name));
    }
  }

  /** The retired file goes once every file it changed is flushed; until then recovery would replay it. */
  private rotate(): void {
    const retired = this.generation;
    this.generation = this.newGeneration();
    this.retiring = this.retiring.then(async () => {
      for (const name of retired.touched) await syncFile(join(this.directory, name));
      await syncDirectory(this.directory);
      await removeFile(retired.file);
    });
    this.retiring.catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  private newGeneration(): Generation {
    const name = `.journal-${String(Date.now()).padStart(16, '0')}-${randomBytes(4).toString('hex')}.log`;
    return { file: join(this.directory, name), created: false, bytes: 0, touched: new Set() };
  }
}

/** The journal could not record or place a change: writes stop until a restart replays the journal. */
export class JournalFailedError extends Error {
  override readonly name = 'JournalFailedError';

  constructor(cause: unknown) {
    super('Storage: the write journal failed; restart to recover the last writes from it.', { cause });
  }
}

/**
 * Brings every file named in the journals of `directory` to its newest journalled content, flushes
 * them, then removes the journals. A line cut short by a crash was never acknowledged and is skipped.
 * Returns whether there was any journal.
 */
export async function recoverJournals(directory: string, names: readonly string[]): Promise<boolean> {
  const journals = names.filter(isJournalFileName).map((name) => join(directory, name));
  if (journals.length === 0) return false;
  const newest = new Map<string, { seq: number; content: string | null }>();
  for (const journal of journals) {
    for (const line of (await readFile(journal, 'utf8')).split('\n')) {
      const entry = parseLine(line);
      if (!entry) continue;
      for (const change of entry.changes) {
        const known = newest.get(change.name);
        if (!known || known.seq < entry.seq) newest.set(change.name, { seq: entry.seq, content: change.content });
      }
    }
  }
  for (const [name, { content }] of newest) {
    const file = join(directory, name);
    if (content === null) await removeFile(file);
    else if ((await readIfPresent(file)) !== content) await replaceFile(directory, name, content);
    await syncFile(file);
  }
  await syncDirectory(directory);
  for (const journal of journals) await removeFile(journal);
  await syncDirectory(directory);
  return true;
}

function parseLine(line: string): z.infer<typeof lineSchema> | undefined {
  if (line === '') return undefined;
  try {
    return lineSchema.parse(JSON.parse(line));
  } catch {
    return undefined;
  }
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
