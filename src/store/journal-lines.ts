import { join } from 'node:path';
import { z } from 'zod';
import type { FileChange } from './write-journal';

/**
 * The journal's files live in their own folder of DATA_DIR, so that a tool attached beside the bot finds
 * them without listing a directory of a hundred thousand purchases. A leading `.` keeps the folder apart
 * from every document (a key's file name never starts with one). Journals of earlier versions sit in
 * DATA_DIR itself and are still recovered.
 */
export const JOURNAL_FOLDER = '.journal';
const JOURNAL_FILE = /^\.journal-\d{16}-[0-9a-f]{8}\.log$/;

const lineSchema = z.object({
  seq: z.number(),
  changes: z.array(z.object({ name: z.string(), content: z.string().nullable() })),
});

/** The newest journalled change of each file, with the sequence number that orders it. */
export type NewestChanges = Map<string, { seq: number; content: string | null }>;

export function isJournalFileName(name: string): boolean {
  return JOURNAL_FILE.test(name);
}

export function journalFolder(directory: string): string {
  return join(directory, JOURNAL_FOLDER);
}

// Process-wide and time-based: two journals on one directory (two processes one after the other, or a
// restart) still order their changes, and recovery keeps the newest change of every file.
let lastSeq = 0;

/** One line per commit: appended whole, so a line without its `\n` is one a crash cut short. */
export function journalLine(changes: readonly FileChange[]): string {
  lastSeq = Math.max(lastSeq + 1, Date.now() * 1000);
  return `${JSON.stringify({ seq: lastSeq, changes })}\n`;
}

/** Adds the changes of complete journal lines to `newest`; a damaged or cut-short line was never acknowledged. */
export function collectNewest(text: string, newest: NewestChanges): void {
  for (const line of text.split('\n')) {
    const entry = parseLine(line);
    if (!entry) continue;
    for (const change of entry.changes) {
      const known = newest.get(change.name);
      if (!known || known.seq < entry.seq) newest.set(change.name, { seq: entry.seq, content: change.content });
    }
  }
}

function parseLine(line: string): z.infer<typeof lineSchema> | undefined {
  if (line === '') return undefined;
  try {
    return lineSchema.parse(JSON.parse(line));
  } catch {
    return undefined;
  }
}
