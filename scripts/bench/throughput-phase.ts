import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Bench, RunningBot } from './bench-setup';
import { Pacer } from './pacer';
import { summarizeProfiles, type ProfileSummary } from './profile-summary';
import { buyAsRep, repNumber } from './purchase-driver';
import { checkoutsPerCart, purchaseCalls } from './sandbox-requests';
import { summarize, type Summary } from './stats';

export interface ThroughputResult {
  reps: number;
  /** Bot processes the reps were spread over (two share one Azurite container). */
  processes: number;
  wallMs: number;
  completed: number;
  purchasesPerSecond: number;
  turns: Summary;
  /** Action.Execute turns only: what Teams waits on before it shows the rep an error. */
  invokes: Summary;
  errors: string[];
  cartsCreated: number;
  cartsCheckedOut: number;
  /** Checkouts per checked-out cart: [min, max]. Both must be 1. */
  checkoutsPerCart: [number, number];
  /** Calls of these purchases (by MS-CorrelationId), per completed purchase. */
  callsPerPurchase: number;
  /** CPU time the bot processes used from the first click until their background work was done, as the kernel counts it. */
  botCpuMs: number;
  /** With `profileFile`: the bot's CPU profile from the first click until its background work was done. */
  profile?: ProfileSummary;
}

/** Functions listed in a load profile: the click path spreads its time over many small ones. */
const PROFILE_TOP = 25;
/** A minute or more of a saturated bot: 1 ms samples are plenty, and cost it less than the default 200 µs. */
const LOAD_PROFILE_INTERVAL_US = 1000;

/**
 * `reps` reps start a one-line purchase at the same moment, each thinking `thinkMs` between clicks; a
 * purchase is complete when "Order placed" reaches its rep. With several bots, rep n talks to bot n mod count.
 * `profileFile` CPU-profiles the first bot over the whole run (the sampling costs it some CPU, so the
 * run's own figures are not the unprofiled ones).
 */
export async function measureThroughput(bench: Bench, bots: RunningBot[], reps: number, thinkMs: number, profileFile?: string): Promise<ThroughputResult> {
  await bench.record.clear();
  const label = `load${reps}x${bots.length}${profileFile ? 'p' : ''}`;
  if (profileFile) await bots[0]!.process.ask({ type: 'profileStart', intervalUs: LOAD_PROFILE_INTERVAL_US }, 'profileStarted');
  const team = Array.from({ length: reps }, (_, n) => repNumber(n, label));
  const pacer = new Pacer(thinkMs, false);
  const cpuBefore = await cpuMsOf(bots);
  const started = performance.now();
  const outcomes = await Promise.all(team.map((rep, n) => buyAsRep(bots[n % bots.length]!.side, rep, { lines: 1, pacer })));
  const wallMs = performance.now() - started;
  await Promise.all(bots.map((bot) => bot.process.ask({ type: 'idle' }, 'idle')));
  const botCpuMs = (await cpuMsOf(bots)) - cpuBefore;
  if (profileFile) await bots[0]!.process.ask({ type: 'profileStop', file: profileFile }, 'profiled');
  const requests = await bench.record.requests();
  const perCart = [...checkoutsPerCart(requests).values()];
  const completed = outcomes.filter((o) => o.ordered).length;
  team.forEach((rep) => bench.connector.forget(rep.conversation.id));
  return {
    reps,
    processes: bots.length,
    wallMs,
    completed,
    purchasesPerSecond: completed / (wallMs / 1000),
    turns: summarize(outcomes.flatMap((o) => o.turns.map((t) => t.ms))),
    invokes: summarize(outcomes.flatMap((o) => o.turns.filter((t) => t.kind === 'invoke').map((t) => t.ms))),
    errors: outcomes.flatMap((o) => (o.error ? [o.error] : [])),
    cartsCreated: requests.filter((r) => r.method === 'POST' && r.path.endsWith('/carts')).length,
    cartsCheckedOut: perCart.length,
    checkoutsPerCart: perCart.length > 0 ? [Math.min(...perCart), Math.max(...perCart)] : [0, 0],
    callsPerPurchase: [...purchaseCalls(requests).purchases.values()].flat().length / Math.max(1, completed),
    botCpuMs,
    profile: profileFile ? await summarizeProfiles([profileFile], PROFILE_TOP) : undefined,
  };
}

/** Linux counts a process's CPU time in clock ticks of 10 ms (CLK_TCK 100). */
const MS_PER_CLOCK_TICK = 10;

/**
 * User plus system CPU time of the bot processes so far (/proc/<pid>/stat, fields 14 and 15). The
 * profile's samples also count time the bot waited for a core; this is only time it ran (on a shared
 * machine it still varies by ±15 % from run to run: compare several runs).
 */
async function cpuMsOf(bots: RunningBot[]): Promise<number> {
  const ticks = await Promise.all(bots.map(async (bot) => {
    const stat = await readFile(`/proc/${bot.process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  }));
  return ticks.reduce((sum, n) => sum + n, 0) * MS_PER_CLOCK_TICK;
}
