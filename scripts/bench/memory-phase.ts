import type { Bench, RunningBot } from './bench-setup';
import { inPool } from './bench-setup';
import { Pacer } from './pacer';
import { buyAsRep, repNumber } from './purchase-driver';

export interface MemoryResult {
  carts: number;
  rssAtStartMb: number;
  rssAfterCartsMb: number;
  /** Live and not yet collected objects alike, as the process has them. */
  heapUsedAfterCartsMb: number;
  /** After a full garbage collection: what the open carts really keep. */
  heapRetainedAfterCartsMb: number;
  rssAfterGcMb: number;
  errors: string[];
}

const mb = (bytes: number) => bytes / (1024 * 1024);

/** `carts` reps each leave a one-line draft cart open (50 reps at a time); RSS is read from /proc. */
export async function measureMemory(bench: Bench, bot: RunningBot, carts: number, thinkMs: number): Promise<MemoryResult> {
  const pacer = new Pacer(thinkMs, false);
  const rssAtStart = await bot.process.rssBytes();
  const outcomes = await inPool(Array.from({ length: carts }, (_, n) => n), 50, async (n) => {
    const rep = repNumber(n, 'open');
    const outcome = await buyAsRep(bot.side, rep, { lines: 1, stopAfterDraft: true, pacer });
    bench.connector.forget(rep.conversation.id);
    return outcome;
  });
  await bot.process.ask({ type: 'idle' }, 'idle');
  const usage = await bot.process.ask({ type: 'memory' }, 'memory');
  const rssAfterCarts = await bot.process.rssBytes();
  await bot.process.ask({ type: 'collectGarbage' }, 'garbageCollected');
  const collected = await bot.process.ask({ type: 'memory' }, 'memory');
  return {
    carts,
    rssAtStartMb: mb(rssAtStart),
    rssAfterCartsMb: mb(rssAfterCarts),
    heapUsedAfterCartsMb: mb(usage.heapUsed),
    heapRetainedAfterCartsMb: mb(collected.heapUsed),
    rssAfterGcMb: mb(await bot.process.rssBytes()),
    errors: outcomes.flatMap((o) => (o.error ? [o.error] : [])),
  };
}
