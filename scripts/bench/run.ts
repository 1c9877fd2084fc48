import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startBench, startEchoBot, startRealBot } from './bench-setup';
import { buildSnapshot } from './build-snapshot';
import { countCalls, type CallsResult } from './calls-phase';
import { measureLatency, profileStep, slowestStep } from './latency-phase';
import { measureMemory } from './memory-phase';
import { Pacer } from './pacer';
import { buyAsRep, repNumber } from './purchase-driver';
import { renderReport, type BenchResults } from './report';
import { seedFinishedPurchases } from './seed-finished-purchases';
import { measureSharedBlob } from './shared-blob-phase';
import { measureStartup } from './startup-phase';
import { subscriptionCount } from './sandbox-requests';
import { summarize } from './stats';
import { measureThroughput, type ThroughputResult } from './throughput-phase';
import { CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

/** Comma-separated counts; an empty value skips the stage. */
const numberList = z.string().transform((v) => (v === '' ? [] : v.split(',').map((n) => z.coerce.number().int().positive().parse(n))));
const optionsSchema = z.object({
  warmup: z.coerce.number().int().nonnegative().default(20),
  flows: z.coerce.number().int().positive().default(100),
  reps: numberList.default([10, 50, 200]),
  /** Reps spread over two bot processes sharing one Azurite container. */
  sharedReps: numberList.default([50, 200]),
  /** Finished purchases in DATA_DIR for the start-up figure. */
  seeded: z.coerce.number().int().nonnegative().default(100_000),
  lines: numberList.default([1, 5, 20, 50]),
  carts: z.coerce.number().int().nonnegative().default(1000),
  profileTurns: z.coerce.number().int().nonnegative().default(40),
  /** A further run of this many reps at once under the CPU profiler (0: none). */
  profileReps: z.coerce.number().int().nonnegative().default(200),
  thinkMs: z.coerce.number().int().nonnegative().default(300),
  starts: z.coerce.number().int().positive().default(5),
  storage: z.enum(['embedded', 'memory']).default('embedded'),
  out: z.string().optional(),
});

/** `--quick`: a few minutes instead of ~13 (explicit options still win); what the issue-16 figures in BENCHMARKS.md used. */
const QUICK = {
  warmup: '5', flows: '30', reps: '10,200', sharedReps: '50', lines: '1,50', carts: '1000', seeded: '10000', profileTurns: '10', starts: '2',
};

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/**
 * `npm run bench`: compiles a snapshot, then measures the real bot against an echo bot on the same
 * stack, each in its own process, with the Partner Center sandbox in a third and Teams' side (client
 * and Bot Connector) in this one. Prints Markdown tables; `--out file` also writes them.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(optionsSchema.shape).map((name) => [name, { type: 'string' as const }])),
      quick: { type: 'boolean' as const },
    },
  });
  const { quick, ...given } = values;
  const options = optionsSchema.parse(quick ? { ...QUICK, ...given } : given);
  log('compiling a snapshot of the working tree');
  const snapshot = await buildSnapshot();
  log(`snapshot in ${snapshot.root}${snapshot.typeErrors ? ` (${snapshot.typeErrors} type errors, emitted anyway)` : ''}`);
  const loaded = await startBench(snapshot);
  const failures: string[] = [];
  /** A failed stage is reported and the others still run. */
  const stage = async <T>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    log(name);
    try {
      return await work();
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      log(`  failed: ${failures[failures.length - 1]}`);
      return undefined;
    }
  };
  const pacer = () => new Pacer(options.thinkMs, false);
  try {
    const bot = await startRealBot(loaded, options.storage);
    const echo = await startEchoBot(loaded);
    log(`latency: ${options.warmup} warm-up + ${options.flows} measured purchases each, interleaved with the echo bot`);
    const latency = await measureLatency(loaded, bot, echo, options.warmup, options.flows, options.thinkMs);
    const latencyMemory = options.storage === 'memory'
      ? undefined
      : await stage('latency again with the memory store', async () => {
        const memoryBot = await startRealBot(loaded, 'memory');
        try {
          return await measureLatency(loaded, memoryBot, echo, options.warmup, options.flows, options.thinkMs);
        } finally {
          await memoryBot.process.stop();
        }
      });
    await echo.process.stop();
    const step = slowestStep(latency);
    const profile = options.profileTurns > 0
      ? await stage(`profile of the slowest turn (${step}) over ${options.profileTurns} purchases`, () => profileStep(loaded, bot, step, options.profileTurns, options.thinkMs))
      : undefined;
    const throughput: ThroughputResult[] = [];
    for (const reps of options.reps) {
      const result = await stage(`throughput: ${reps} reps at once`, () => measureThroughput(loaded, [bot], reps, options.thinkMs));
      if (result) throughput.push(result);
    }
    // A fresh sandbox and bot: after the load stages the shared sandbox holds hundreds of carts and
    // subscriptions, answers slower, and the profile would show the bot waiting on it.
    const loadProfile = options.profileReps > 0
      ? await stage(`CPU profile of ${options.profileReps} reps at once (fresh sandbox and bot)`, async () => {
        const clean = await startBench(snapshot, loaded.connector);
        const profiled = await startRealBot(clean, options.storage);
        try {
          return await measureThroughput(clean, [profiled], options.profileReps, options.thinkMs, path.join(snapshot.root, `profile-load-${options.profileReps}.cpuprofile`));
        } finally {
          await profiled.process.stop();
          await clean.sandbox.stop();
        }
      })
      : undefined;
    const shared = options.sharedReps.length > 0
      ? await stage(`two bot processes on one Azurite container: ${options.sharedReps.join(', ')} reps`, () =>
        measureSharedBlob(snapshot, loaded.connector, options.sharedReps, options.thinkMs))
      : undefined;

    const calls: CallsResult[] = [];
    await stage('Partner Center calls per purchase (fresh sandbox and bot)', async () => {
      const clean = await startBench(snapshot, loaded.connector);
      const counting = await startRealBot(clean, options.storage);
      try {
        for (const [index, lines] of options.lines.entries()) {
          log(`  a purchase with ${lines} lines`);
          calls.push(await countCalls(clean, counting, lines, index));
        }
      } finally {
        await counting.process.stop();
        await clean.sandbox.stop();
      }
    });

    let memory;
    let startupWithCarts;
    if (options.carts > 0) {
      memory = await stage(`memory: a fresh bot and sandbox, one purchase, then ${options.carts} open carts`, async () => {
        const clean = await startBench(snapshot, loaded.connector);
        const fresh = await startRealBot(clean, options.storage);
        try {
          const warm = await buyAsRep(fresh.side, repNumber(0, 'memory-warm'), { lines: 1, pacer: pacer() });
          if (warm.error) throw new Error(`warm-up purchase failed: ${warm.error}`);
          return { result: await measureMemory(clean, fresh, options.carts, options.thinkMs), dataDir: fresh.dataDir };
        } finally {
          await fresh.process.stop();
          await clean.sandbox.stop();
        }
      });
      if (memory && options.storage === 'embedded') {
        const dataDir = memory.dataDir;
        startupWithCarts = await stage('start-up on the DATA_DIR holding those carts', () => measureStartup(snapshot, Math.min(3, options.starts), dataDir));
      }
    }
    const startup = (await stage(`start-up: ${options.starts} runs`, () => measureStartup(snapshot, options.starts))) ?? summarize([]);
    const startupSeeded = options.seeded > 0
      ? await stage(`start-up on ${options.seeded} stored purchases (most ordered)`, async () => {
        const dataDir = await mkdtemp(path.join(snapshot.root, 'seeded-'));
        await seedFinishedPurchases(dataDir, options.seeded);
        return measureStartup(snapshot, options.starts, dataDir);
      })
      : undefined;

    const loadedCustomer = await stage('one more purchase for the customer the load stages bought for', async () => {
      const outcome = await buyAsRep(bot.side, repNumber(0, 'loaded'), { lines: 1, pacer: pacer() });
      return {
        subscriptions: await subscriptionCount(loaded.sandbox, CONTOSO_ID),
        outcome: outcome.error ?? (outcome.ordered ? 'ordered' : 'not ordered'),
        largestCardBytes: outcome.largestCardBytes,
      };
    });
    await bot.process.stop();

    const results: BenchResults = {
      thinkMs: options.thinkMs,
      command: `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}`,
      storage: options.storage,
      typeErrors: snapshot.typeErrors,
      latency,
      latencyMemory,
      profile,
      throughput,
      loadProfile,
      shared: shared ?? [],
      calls,
      memory: memory?.result,
      startup,
      startupWithCarts,
      startupSeeded: startupSeeded && { purchases: options.seeded, summary: startupSeeded },
      loadedCustomer,
      failures,
    };
    const report = renderReport(results);
    process.stdout.write(`${report}\n`);
    await writeFile(path.join(snapshot.root, 'results.json'), JSON.stringify(results, null, 2));
    if (options.out) await writeFile(options.out, `${report}\n`);
    log(`raw results and CPU profiles in ${snapshot.root}`);
  } finally {
    await loaded.sandbox.stop();
    await loaded.connector.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
