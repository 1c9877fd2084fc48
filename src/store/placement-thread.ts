import { Worker } from 'node:worker_threads';
import { z } from 'zod';

/** A document file's newest content, or `null` for its removal. */
interface Placement {
  name: string;
  content: string | null;
}

/**
 * The thread's code: plain CommonJS, run as it is (`eval`), so that it is the same whether this module
 * was compiled by tsc, ts-jest or tsx. It calls the file system synchronously: the thread does nothing
 * else, and each file then costs its system calls (open, write, fdatasync, close, rename) and nothing on
 * the bot's event loop. Temp names match atomic-file.ts's `isTempFileName`, so a start removes what a
 * crash left of them.
 */
const THREAD_SOURCE = [
  "const { parentPort } = require('node:worker_threads');",
  "const fs = require('node:fs');",
  "const path = require('node:path');",
  "const crypto = require('node:crypto');",
  'function replaceDurably(directory, name, content) {',
  "  const temp = path.join(directory, '.' + crypto.randomBytes(8).toString('hex') + '.tmp');",
  '  try {',
  "    const fd = fs.openSync(temp, 'wx');",
  "    try { fs.writeFileSync(fd, content, 'utf8'); fs.fdatasyncSync(fd); } finally { fs.closeSync(fd); }",
  '    fs.renameSync(temp, path.join(directory, name));',
  '  } catch (error) {',
  '    fs.rmSync(temp, { force: true });',
  '    throw error;',
  '  }',
  '}',
  'function remove(file) {',
  "  try { fs.unlinkSync(file); } catch (error) { if (error.code !== 'ENOENT') throw error; }",
  '}',
  'function syncDirectory(directory) {',
  "  if (process.platform === 'win32') return;",
  "  const fd = fs.openSync(directory, 'r');",
  '  try { fs.fsyncSync(fd); } finally { fs.closeSync(fd); }',
  '}',
  "parentPort.on('message', ({ id, directory, files }) => {",
  '  try {',
  '    for (const { name, content } of files) {',
  '      if (content === null) remove(path.join(directory, name));',
  '      else replaceDurably(directory, name, content);',
  '    }',
  '    syncDirectory(directory);',
  '    parentPort.postMessage({ id });',
  '  } catch (error) {',
  "    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && typeof error.code === 'string' ? error.code : undefined } });",
  '  }',
  '});',
].join('\n');

const replySchema = z.object({
  id: z.number(),
  error: z.object({ message: z.string(), code: z.string().optional() }).optional(),
});

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Writes document files on a thread of its own. Placing a 4 MB journal file's documents (≈ 2,300 files
 * when 200 reps buy at once) took five promise round trips per file on the bot's event loop: ≈ 1 s of
 * its CPU in a few seconds, which was the invoke p99 of whichever run it fell in. One thread per process,
 * started at the first placement; it keeps the process alive only while it has work.
 */
export class PlacementThread {
  private worker?: Worker;
  private readonly waiting = new Map<number, Waiter>();
  private sequence = 0;

  /** Writes each file durably (a temp file flushed, then renamed), removes the `null` ones, then flushes the directory. */
  place(directory: string, files: readonly Placement[]): Promise<void> {
    const worker = this.running();
    const id = ++this.sequence;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, directory, files });
    });
  }

  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(THREAD_SOURCE, { eval: true });
    worker.on('message', (message: unknown) => {
      const reply = replySchema.safeParse(message);
      if (reply.success) this.answered(reply.data);
      else this.lost(worker, new Error('Storage: the file placement thread sent an answer it never sends.'));
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`Storage: the file placement thread stopped (exit code ${code}).`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private answered({ id, error }: z.infer<typeof replySchema>): void {
    const waiter = this.waiting.get(id);
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.worker?.unref();
    if (!waiter) return;
    if (error) waiter.reject(Object.assign(new Error(error.message), error.code === undefined ? {} : { code: error.code }));
    else waiter.resolve();
  }

  /** Whatever it was doing failed with it; the next placement starts a new thread. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    void worker.terminate();
    for (const waiter of this.waiting.values()) waiter.reject(error);
    this.waiting.clear();
  }
}

let shared: PlacementThread | undefined;

/** The process's placement thread (every DATA_DIR the process owns shares it). */
export function placementThread(): PlacementThread {
  shared ??= new PlacementThread();
  return shared;
}
