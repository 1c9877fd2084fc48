import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isNotFound } from './atomic-file';
import { collectNewest, isJournalFileName, journalFolder, type NewestChanges } from './journal-lines';

/**
 * For a tool attached beside the running bot: the bot acknowledges a write once its journal line is
 * flushed and writes the document file later, so the tool reads the journals' newest content over the
 * files. Journal files only grow until the bot retires them, so each refresh reads only what was
 * appended since the last one; a retired journal's files are already in place, so it is forgotten.
 */
export class JournalOverlay {
  private readonly journals = new Map<string, { offset: number; newest: NewestChanges }>();

  constructor(private readonly directory: string) {}

  /** Call before reading the files: a journal retired after this call has its files in place by then. */
  async refresh(): Promise<void> {
    const folder = journalFolder(this.directory);
    const names = new Set((await readdir(folder).catch(emptyIfMissing)).filter(isJournalFileName));
    for (const known of this.journals.keys()) if (!names.has(known)) this.journals.delete(known);
    for (const name of names) {
      const journal = this.journals.get(name) ?? { offset: 0, newest: new Map() };
      const consumed = await readCompleteLines(join(folder, name), journal.offset, journal.newest);
      if (consumed === undefined) this.journals.delete(name);
      else this.journals.set(name, { ...journal, offset: journal.offset + consumed });
    }
  }

  /** Like WriteJournal.unplacedContent, as of the last refresh. */
  content(name: string): string | null | undefined {
    let best: { seq: number; content: string | null } | undefined;
    for (const { newest } of this.journals.values()) {
      const change = newest.get(name);
      if (change && (!best || best.seq < change.seq)) best = change;
    }
    return best?.content;
  }

  /** Every journalled file's newest content (`null`: removed), as of the last refresh. */
  newest(): Map<string, string | null> {
    const names = new Set([...this.journals.values()].flatMap(({ newest }) => [...newest.keys()]));
    return new Map([...names].map((name) => [name, this.content(name) ?? null]));
  }
}

/** The bytes taken up to the last complete line (the bot may be appending right now); `undefined` if the journal is gone. */
async function readCompleteLines(file: string, offset: number, newest: NewestChanges): Promise<number | undefined> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size <= offset) return 0;
    const buffer = Buffer.alloc(size - offset);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
    const end = buffer.subarray(0, bytesRead).lastIndexOf(0x0a) + 1;
    collectNewest(buffer.subarray(0, end).toString('utf8'), newest);
    return end;
  } finally {
    await handle.close();
  }
}

function emptyIfMissing(error: unknown): string[] {
  if (isNotFound(error)) return [];
  throw error;
}
