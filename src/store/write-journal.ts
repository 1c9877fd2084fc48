import { randomBytes } from 'node:crypto';
import { access, mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound, removeFile, syncDirectory } from './atomic-file';
import { journalFolder, journalLine, type NewestChanges } from './journal-lines';
import { placementThread } from './placement-thread';

/** A file's new content, or `null` for its removal. */
export interface FileChange {
  name: string;
  content: string | null;
}

/**
 * Past this size the journal starts a new file and the old one's files are placed in the background.
 * Large enough that a busy bot saves each purchase many times within one file, which is then written
 * once (at 256 KB, with 200 reps buying, a purchase spread over several journal files and was placed
 * again for each: a third more CPU per purchase). It also bounds the memory: what waits for placement
 * is at most this much per generation, and there are at most 1 + MAX_RETIRING of them.
 */
const ROTATE_BYTES = 4 * 1024 * 1024;
/**
 * Placed also after this long without a commit: longer than the gap between a rep's clicks on one cart,
 * so one walk's saves of its purchase become one file write, and short enough that the files on disk
 * (what a backup copies) and the journal to replay at start are current soon after a quiet moment.
 */
const IDLE_PLACEMENT_MS = 10_000;
/** Generations waiting for placement before new commits wait for one of them (bounds the memory). */
const MAX_RETIRING = 2;

interface Pending {
  changes: FileChange[];
  /** Settles the commit; later calls change nothing (a promise settles once). */
  done: (error?: unknown) => void;
}

/** One journal file being written, or the files a previous process left (adopted at open). */
interface Generation {
  files: [string, ...string[]];
  handle?: FileHandle;
  bytes: number;
  touched: Set<string>;
}

/** The newest acknowledged change of a file that is not yet in place, and the journal file holding it. */
interface Unplaced {
  content: string | null;
  generation: Generation;
}

/**
 * Makes a group of file changes durable with one append and one flush (fdatasync) of a journal file;
 * commits that arrive while a flush runs share the next one (group commit). A commit is acknowledged
 * once its line is flushed: the documents themselves are written later, in the background (on the
 * placement thread, off the event loop that answers clicks), when the journal file is retired (past
 * ROTATE_BYTES, or after IDLE_PLACEMENT_MS without a commit). Only the newest content of each file is
 * written then, so many commits of one purchase cost one file write.
 * Until then `unplacedContent` answers for the file. A crash at any point loses nothing acknowledged:
 * a journal file is removed only once every file it changed is in place and flushed, and the next
 * start adopts the journal files left (`adopt`). A failure to place stops the journal like a failed
 * flush (JournalFailedError), and what it could not place stays readable from memory.
 */
export class WriteJournal {
  private readonly unplaced = new Map<string, Unplaced>();
  private queue: Pending[] = [];
  /** Set and cleared by `drain` itself, in step with its loop, so that no commit is queued after its last look. */
  private draining = false;
  private drained: Promise<void> = Promise.resolve();
  private generation: Generation;
  /** The placements in order, one generation after the other. */
  private retiring: Promise<void> = Promise.resolve();
  private readonly retiringGenerations = new Set<Generation>();
  private idleTimer?: NodeJS.Timeout;
  private failure: unknown;

  private constructor(private readonly directory: string) {
    this.generation = this.newGeneration();
  }

  static async open(directory: string): Promise<WriteJournal> {
    await mkdir(journalFolder(directory), { recursive: true });
    return new WriteJournal(directory);
  }

  /** The newest acknowledged content of a file not yet written to it: `null` if it was removed, `undefined` if the file is current. */
  unplacedContent(name: string): string | null | undefined {
    return this.unplaced.get(name)?.content;
  }

  /** What stopped it, as every later commit is refused with: only a restart (which replays the journal) writes again. */
  stoppedBy(): JournalFailedError | undefined {
    return this.failure === undefined ? undefined : new JournalFailedError(this.failure);
  }

  /** Every acknowledged change not yet written to its file (`null`: removed). */
  unplacedChanges(): Iterable<[string, string | null]> {
    return [...this.unplaced].map(([name, { content }]) => [name, content]);
  }

  /** Whether a journal file is this journal's own (in use or retiring): recovery leaves it alone. */
  owns(file: string): boolean {
    return [this.generation, ...this.retiringGenerations].some(({ files }) => files.includes(file));
  }

  /**
   * Takes over the journal files a previous process left when it stopped or crashed: their newest
   * changes are answered from memory and placed in the background, so a start does not wait for them.
   * A change this journal made since is newer and stays.
   */
  adopt(files: readonly string[], newest: NewestChanges): void {
    const [first, ...rest] = files;
    if (first === undefined) return;
    const adopted: Generation = { files: [first, ...rest], bytes: 0, touched: new Set(newest.keys()) };
    for (const [name, { content }] of newest) if (!this.unplaced.has(name)) this.unplaced.set(name, { content, generation: adopted });
    this.schedulePlacement(adopted);
  }

  commit(changes: FileChange[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ changes, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.draining) this.drained = this.drain();
    });
  }

  /** Places every acknowledged change now and resolves once the files are flushed and the journal retired. */
  async placeAll(): Promise<void> {
    await this.drained;
    this.retire();
    await this.retiring;
    if (this.failure !== undefined) throw new JournalFailedError(this.failure);
  }

  private async drain(): Promise<void> {
    this.draining = true;
    while (this.queue.length > 0) {
      while (this.retiringGenerations.size >= MAX_RETIRING && this.failure === undefined) await this.retiring;
      const batch = this.queue.splice(0);
      if (this.failure !== undefined) {
        for (const pending of batch) pending.done(new JournalFailedError(this.failure));
        continue;
      }
      try {
        await this.append(batch.map(({ changes }) => changes));
      } catch (error) {
        // A full disk fails only these commits: the file is cut back to its last whole line first, since
        // appending after part of a line would spoil the next one. If even that fails, the journal stops.
        await this.cutBackToLastLine().catch(() => {
          this.failure = error;
        });
        for (const pending of batch) pending.done(error);
        continue;
      }
      for (const pending of batch) pending.done();
      if (this.generation.bytes >= ROTATE_BYTES) this.retire();
      else this.placeWhenIdle();
    }
    this.draining = false;
  }

  private async append(commits: FileChange[][]): Promise<void> {
    const text = commits.map((changes) => journalLine(changes)).join('');
    const generation = this.generation;
    const created = generation.handle === undefined;
    generation.handle ??= await open(generation.files[0], 'a');
    await generation.handle.writeFile(text, 'utf8');
    await generation.handle.datasync();
    // The journal file itself must be findable after a power loss.
    if (created) await syncDirectory(journalFolder(this.directory));
    generation.bytes += Buffer.byteLength(text);
    for (const changes of commits) {
      for (const { name, content } of changes) {
        generation.touched.add(name);
        this.unplaced.set(name, { content, generation });
      }
    }
  }

  /** Removes what a failed append may have left after the last acknowledged line (the file is opened for appending, so the next line follows it). */
  private async cutBackToLastLine(): Promise<void> {
    const { handle, bytes } = this.generation;
    if (!handle) return;
    await handle.truncate(bytes);
    await handle.datasync();
  }

  private placeWhenIdle(): void {
    if (this.idleTimer) {
      this.idleTimer.refresh();
      return;
    }
    // Not while a flush runs: its generation is still being written (drain re-arms the timer after it).
    this.idleTimer = setTimeout(() => {
      if (!this.draining) this.retire();
    }, IDLE_PLACEMENT_MS);
    this.idleTimer.unref();
  }

  /** Starts a new journal file; the old one goes once the files it changed are placed (one retirement at a time, in order). */
  private retire(): void {
    const retired = this.generation;
    if (retired.bytes === 0 || this.failure !== undefined) return;
    this.generation = this.newGeneration();
    this.schedulePlacement(retired);
  }

  private schedulePlacement(retired: Generation): void {
    this.retiringGenerations.add(retired);
    // Never rejects: a failure is kept in `failure`, which refuses every later commit and placement.
    this.retiring = this.retiring
      .then(() => (this.failure === undefined ? this.place(retired) : undefined))
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => {
        this.retiringGenerations.delete(retired);
      });
  }

  private async place(retired: Generation): Promise<void> {
    await retired.handle?.close();
    for (const file of retired.files) await ensureStillOwned(file);
    // A newer generation holds a newer change of a file: it places it, and its journal covers it until then.
    const placed = [...retired.touched].flatMap((name): [string, Unplaced][] => {
      const entry = this.unplaced.get(name);
      return entry?.generation === retired ? [[name, entry]] : [];
    });
    await placementThread().place(this.directory, placed.map(([name, { content }]) => ({ name, content })));
    for (const file of retired.files) await removeFile(file);
    // A commit made meanwhile replaced the entry: it is still waiting for its own generation.
    for (const [name, entry] of placed) if (this.unplaced.get(name) === entry) this.unplaced.delete(name);
  }

  private newGeneration(): Generation {
    const name = `.journal-${String(Date.now()).padStart(16, '0')}-${randomBytes(4).toString('hex')}.log`;
    return { files: [join(journalFolder(this.directory), name)], bytes: 0, touched: new Set() };
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
 * Another process that opened DATA_DIR (one process per DATA_DIR; a test or tool that did so anyway)
 * replayed and removed this journal file: it owns the files now, and placing older content over them
 * would undo its writes. This journal stops instead.
 */
async function ensureStillOwned(journalFile: string): Promise<void> {
  try {
    await access(journalFile);
  } catch (error) {
    if (isNotFound(error)) throw new Error(`Storage: ${journalFile} was replayed by another process, which owns DATA_DIR now.`, { cause: error });
    throw error;
  }
}
