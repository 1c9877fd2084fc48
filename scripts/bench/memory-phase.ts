import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Bench, RunningBot } from './bench-setup';
import { inPool } from './bench-setup';
import { heapProfileSchema, summarizeHeapProfile, type HeapProfileSummary } from './heap-profile-summary';
import type { MemoryBreakdown } from './memory-breakdown';
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
  /** The highest RSS read (every 250 ms) while the carts were being opened. */
  rssPeakMb: number;
  /** What the RSS is made of at start, after the carts and after the full collection. */
  breakdowns: { atStart: MemoryBreakdown; afterCarts: MemoryBreakdown; afterGc: MemoryBreakdown };
  errors: string[];
  /** What a further batch of carts allocated, under the sampling heap profiler (after the figures above). */
  allocations: { carts: number; turns: number; file: string; summary: HeapProfileSummary };
}

/** Enough turns for a stable ranking; a separate batch, so the profiler's own memory is not in the RSS figures. */
const PROFILED_CARTS = 100;

const mb = (bytes: number) => bytes / (1024 * 1024);

/** Reps `prefix`-0… each leave a one-line draft cart open, 50 at a time. */
function openCarts(bench: Bench, bot: RunningBot, carts: number, prefix: string, pacer: Pacer) {
  return inPool(Array.from({ length: carts }, (_, n) => n), 50, async (n) => {
    const rep = repNumber(n, prefix);
    const outcome = await buyAsRep(bot.side, rep, { lines: 1, stopAfterDraft: true, pacer });
    bench.connector.forget(rep.conversation.id);
    return outcome;
  });
}

async function profileAllocations(bench: Bench, bot: RunningBot, pacer: Pacer): Promise<MemoryResult['allocations']> {
  const file = path.join(bench.snapshot.root, 'memory-allocations.heapprofile');
  await bot.process.ask({ type: 'heapProfileStart' }, 'heapProfileStarted');
  const outcomes = await openCarts(bench, bot, PROFILED_CARTS, 'profiled', pacer);
  await bot.process.ask({ type: 'idle' }, 'idle');
  await bot.process.ask({ type: 'heapProfileStop', file }, 'profiled');
  const summary = summarizeHeapProfile(heapProfileSchema.parse(JSON.parse(await readFile(file, 'utf8'))));
  return { carts: PROFILED_CARTS, turns: outcomes.reduce((sum, o) => sum + o.turns.length, 0), file, summary };
}

/** `carts` reps each leave a one-line draft cart open (50 reps at a time); RSS is read from /proc. */
export async function measureMemory(bench: Bench, bot: RunningBot, carts: number, thinkMs: number): Promise<MemoryResult> {
  const pacer = new Pacer(thinkMs, false);
  const atStart = await bot.process.ask({ type: 'memory' }, 'memory');
  const rssAtStart = await bot.process.rssBytes();
  let rssPeak = rssAtStart;
  const sampler = setInterval(() => {
    void bot.process.rssBytes().then((rss) => (rssPeak = Math.max(rssPeak, rss)), () => undefined);
  }, 250);
  const outcomes = await openCarts(bench, bot, carts, 'open', pacer).finally(() => clearInterval(sampler));
  await bot.process.ask({ type: 'idle' }, 'idle');
  const afterCarts = await bot.process.ask({ type: 'memory' }, 'memory');
  const rssAfterCarts = await bot.process.rssBytes();
  await bot.process.ask({ type: 'collectGarbage' }, 'garbageCollected');
  const afterGc = await bot.process.ask({ type: 'memory' }, 'memory');
  const rssAfterGc = await bot.process.rssBytes();
  return {
    carts,
    rssAtStartMb: mb(rssAtStart),
    rssAfterCartsMb: mb(rssAfterCarts),
    heapUsedAfterCartsMb: mb(afterCarts.breakdown.heapUsed),
    heapRetainedAfterCartsMb: mb(afterGc.breakdown.heapUsed),
    rssAfterGcMb: mb(rssAfterGc),
    rssPeakMb: mb(Math.max(rssPeak, rssAfterCarts)),
    breakdowns: { atStart: atStart.breakdown, afterCarts: afterCarts.breakdown, afterGc: afterGc.breakdown },
    errors: outcomes.flatMap((o) => (o.error ? [o.error] : [])),
    allocations: await profileAllocations(bench, bot, pacer),
  };
}
