import path from 'node:path';
import { inPool, type Bench, type RunningBot } from './bench-setup';
import { Pacer } from './pacer';
import { summarizeProfiles, type ProfileSummary } from './profile-summary';
import { buyAsRep, echoAsRep, repNumber, type RepOutcome, type TurnSample } from './purchase-driver';
import { median, summarize, type Summary } from './stats';

interface StepRow {
  step: string;
  kind: string;
  bot: Summary;
  echo: Summary;
}

export interface LatencyResult {
  flows: number;
  errors: string[];
  bot: { all: Summary; invokes: Summary; messages: Summary };
  echo: { all: Summary; invokes: Summary; messages: Summary };
  steps: StepRow[];
}

const STEP_ORDER = ['new cart', 'searchCustomer', 'searchProduct', 'saveLine', 'review', 'placeOrder'];

function split(turns: TurnSample[]) {
  return {
    all: summarize(turns.map((t) => t.ms)),
    invokes: summarize(turns.filter((t) => t.kind === 'invoke').map((t) => t.ms)),
    messages: summarize(turns.filter((t) => t.kind === 'message').map((t) => t.ms)),
  };
}

/** Reps in flight at once (each thinking between its clicks); only one turn is ever running. */
const REPS_IN_FLIGHT = 16;

/**
 * Exactly one turn in flight at any moment, so a turn's latency is the bot's own and never queueing;
 * reps of the echo bot and of the real bot take turns in one queue, so drift on a noisy machine hits
 * both alike, and each rep thinks `thinkMs` between its own clicks.
 */
export async function measureLatency(
  bench: Bench, bot: RunningBot, echo: RunningBot, warmup: number, flows: number, thinkMs: number,
): Promise<LatencyResult> {
  const botTurns: TurnSample[] = [];
  const echoTurns: TurnSample[] = [];
  const errors: string[] = [];
  const pacer = new Pacer(thinkMs, true);
  const keep = (outcome: RepOutcome, into: TurnSample[], measured: boolean) => {
    if (outcome.error) errors.push(outcome.error);
    if (measured) into.push(...outcome.turns);
  };
  const runs = Array.from({ length: 2 * (warmup + flows) }, (_, n) => ({ flow: Math.floor(n / 2), echo: n % 2 === 0 }));
  await inPool(runs, REPS_IN_FLIGHT, async ({ flow, echo: toEcho }) => {
    const measured = flow >= warmup;
    if (toEcho) {
      keep(await echoAsRep(echo.side, repNumber(flow, 'echo'), pacer), echoTurns, measured);
      bench.connector.forget(`a:echo-${flow}`);
    } else {
      keep(await buyAsRep(bot.side, repNumber(flow, 'latency'), { lines: 1, pacer }), botTurns, measured);
      bench.connector.forget(`a:latency-${flow}`);
    }
  });
  await bot.process.ask({ type: 'idle' }, 'idle');
  const steps = STEP_ORDER.map((step) => {
    const b = botTurns.filter((t) => t.step === step);
    return { step, kind: b[0]?.kind ?? '', bot: summarize(b.map((t) => t.ms)), echo: summarize(echoTurns.filter((t) => t.step === step).map((t) => t.ms)) };
  });
  return { flows, errors, bot: split(botTurns), echo: split(echoTurns), steps };
}

export function slowestStep(result: LatencyResult): string {
  return [...result.steps].sort((a, b) => b.bot.median - a.bot.median)[0].step;
}

export interface ProfileResult {
  step: string;
  turns: number;
  stepMedianMs: number;
  summary: ProfileSummary;
}

/** CPU-profiles only the chosen turn, over `flows` purchases, and adds the profiles up. */
export async function profileStep(bench: Bench, bot: RunningBot, step: string, flows: number, thinkMs: number): Promise<ProfileResult> {
  const files: string[] = [];
  const samples: number[] = [];
  const pacer = new Pacer(thinkMs, true);
  await inPool(Array.from({ length: flows }, (_, n) => n), 4, async (flow) => {
    const outcome = await buyAsRep(bot.side, repNumber(flow, 'profile'), {
      lines: 1,
      pacer,
      around: {
        before: async (current) => {
          if (current === step) await bot.process.ask({ type: 'profileStart' }, 'profileStarted');
        },
        after: async (current) => {
          if (current !== step) return;
          const file = path.join(bench.snapshot.root, `profile-${step}-${flow}.cpuprofile`);
          await bot.process.ask({ type: 'profileStop', file }, 'profiled');
          files.push(file);
        },
      },
    });
    if (outcome.error) throw new Error(`profile flow failed: ${outcome.error}`);
    samples.push(...outcome.turns.filter((t) => t.step === step).map((t) => t.ms));
    bench.connector.forget(`a:profile-${flow}`);
  });
  await bot.process.ask({ type: 'idle' }, 'idle');
  return { step, turns: files.length, stepMedianMs: median(samples), summary: await summarizeProfiles(files) };
}
