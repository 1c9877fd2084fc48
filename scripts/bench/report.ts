import type { CallsResult } from './calls-phase';
import type { LatencyResult, ProfileResult } from './latency-phase';
import type { MemoryResult } from './memory-phase';
import { allocationTables, memoryBreakdownTable } from './memory-table';
import type { ProfileSummary } from './profile-summary';
import { ms, type Summary } from './stats';
import type { ThroughputResult } from './throughput-phase';

export interface BenchResults {
  command: string;
  thinkMs: number;
  machine: string;
  storage: string;
  typeErrors: number;
  latency: LatencyResult;
  /** The same latency with the memory store, when the run's storage is the embedded one. */
  latencyMemory?: LatencyResult;
  failures: string[];
  /** After the load stages: one more purchase for a customer that now has many subscriptions. */
  loadedCustomer?: { subscriptions: number; outcome: string; largestCardBytes: number };
  profile?: ProfileResult;
  throughput: ThroughputResult[];
  /** A further load run under the CPU profiler. */
  loadProfile?: ThroughputResult;
  /** Two bot processes on one Azurite container. */
  shared: ThroughputResult[];
  calls: CallsResult[];
  memory?: MemoryResult;
  startup: Summary;
  startupWithCarts?: Summary;
  startupSeeded?: { purchases: number; summary: Summary };
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The measured figures as Markdown tables (pasted into BENCHMARKS.md). */
export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Command: \`${r.command}\` · ${r.machine} · bot storage: ${r.storage} · think time between a rep's clicks: ${r.thinkMs} ms${r.typeErrors ? ` · snapshot compiled with ${r.typeErrors} type errors elsewhere` : ''}`, '');

  out.push(...targetsTable(r), '');
  out.push(...latencyTables(`Per-turn latency, one rep at a time, ${r.storage} store`, r.latency));
  if (r.latencyMemory) out.push(...latencyTables('The same latency with the memory store', r.latencyMemory));

  if (r.profile) {
    const p = r.profile;
    out.push(`### CPU profile of the slowest turn: ${p.step} (${p.turns} turns, median ${ms(p.stepMedianMs)} ms)`, '');
    out.push(...profileTables(p.summary, 'the rest waiting on Partner Center, storage, the connector'));
  }

  out.push(...throughputTable(`Throughput: N reps buying at once, one ${r.storage} bot process (one line each, against the sandbox)`, r.throughput));
  if (r.loadProfile?.profile) {
    const t = r.loadProfile;
    out.push(`### CPU profile of the bot while ${t.reps} reps buy at once (a further run on a fresh sandbox and bot, under the profiler)`, '');
    const seen = t.errors.length ? ` (${[...new Set(t.errors)].slice(0, 3).join('; ')})` : '';
    out.push(`That run: ${t.completed} of ${t.reps} purchases in ${(t.wallMs / 1000).toFixed(2)} s, invoke median ${ms(t.invokes.median)} ms, p99 ${ms(t.invokes.p99)} ms, ${t.errors.length} errors${seen}. The bot ran ${(t.botCpuMs / 1000).toFixed(2)} s on a core (kernel CPU time, profiler included): ${ms(t.botCpuMs / Math.max(1, t.completed))} ms per purchase.`, '');
    out.push(...profileTables(t.profile!, 'the rest idle'));
  }
  if (r.shared.length) out.push(...throughputTable('Throughput: two bot processes sharing one Azurite container', r.shared));

  out.push('### Partner Center calls per purchase, warm catalog cache', '');
  const operations = [...new Set(r.calls.flatMap((c) => c.byOperation.map(([op]) => op)))];
  out.push(`| call | ${r.calls.map((c) => `${c.lines} line${c.lines > 1 ? 's' : ''}`).join(' | ')} |`, `|---|${r.calls.map(() => '---:').join('|')}|`);
  for (const op of operations) out.push(`| \`${op}\` | ${r.calls.map((c) => c.byOperation.find(([o]) => o === op)?.[1] ?? 0).join(' | ')} |`);
  out.push(`| **total** | ${r.calls.map((c) => `**${c.total}**`).join(' | ')} |`);
  out.push(`| largest card | ${r.calls.map((c) => kb(c.largestCardBytes)).join(' | ')} |`);
  out.push(`| slowest turn | ${r.calls.map((c) => `${c.slowestTurn.step} ${ms(c.slowestTurn.ms)} ms`).join(' | ')} |`);
  const others = r.calls.reduce((sum, c) => sum + c.otherFlows, 0);
  if (others) out.push('', `Left out: ${others} calls of other flows in the same windows (the provisioning watch re-reading earlier orders).`);
  const failed = r.calls.filter((c) => c.error);
  if (failed.length) out.push('', `Failed: ${failed.map((c) => `${c.lines} lines: ${c.error}`).join('; ')}`);
  out.push('');

  out.push('### Memory and start-up', '');
  out.push('| figure | value |', '|---|---:|');
  if (r.memory) {
    out.push(`| RSS of the bot process after start and one warm-up purchase | ${r.memory.rssAtStartMb.toFixed(1)} MB |`);
    out.push(`| RSS after ${r.memory.carts} open carts (one line each) | ${r.memory.rssAfterCartsMb.toFixed(1)} MB |`);
    out.push(`| V8 heap used after ${r.memory.carts} open carts | ${r.memory.heapUsedAfterCartsMb.toFixed(1)} MB |`);
    out.push(`| V8 heap retained after ${r.memory.carts} open carts (after a full garbage collection) | ${r.memory.heapRetainedAfterCartsMb.toFixed(1)} MB |`);
    out.push(`| RSS after that garbage collection | ${r.memory.rssAfterGcMb.toFixed(1)} MB |`);
    out.push(`| errors while opening the carts | ${r.memory.errors.length} |`);
  }
  out.push(`| start-up, process start → /healthz 200 (empty DATA_DIR), median of ${r.startup.count} | ${ms(r.startup.median)} ms (max ${ms(r.startup.max)}) |`);
  if (r.startupSeeded) {
    const seeded = r.startupSeeded;
    out.push(`| start-up with ${seeded.purchases} stored purchases in DATA_DIR (1 in 50 a draft, the others ordered), median of ${seeded.summary.count} | ${ms(seeded.summary.median)} ms (max ${ms(seeded.summary.max)}) |`);
  }
  if (r.startupWithCarts) {
    out.push(`| start-up with the ${r.memory ? r.memory.carts + r.memory.allocations.carts : ''} open carts in DATA_DIR, median of ${r.startupWithCarts.count} | ${ms(r.startupWithCarts.median)} ms (max ${ms(r.startupWithCarts.max)}) |`);
  }
  const biggest = r.calls.reduce((a, b) => (b.largestCardBytes > a.largestCardBytes ? b : a), r.calls[0]);
  if (biggest) out.push(`| largest card sent with ${biggest.lines} line items | ${kb(biggest.largestCardBytes)} (budget 28 KB) |`);
  out.push('');
  if (r.memory) out.push(...memoryBreakdownTable(r.memory), ...allocationTables(r.memory));
  if (r.loadedCustomer) {
    const c = r.loadedCustomer;
    out.push(`### A purchase for a customer with ${c.subscriptions} subscriptions (after the load stages)`, '');
    out.push(`Outcome: ${c.outcome}; largest card ${kb(c.largestCardBytes)}.`, '');
  }
  if (r.failures.length) out.push('### Stages that failed', '', ...r.failures.map((f) => `- ${f}`), '');
  return out.join('\n');
}

function profileTables(p: ProfileSummary, elsewhere: string): string[] {
  const out = [`Sampled ${ms(p.totalMs)} ms, of which ${ms(p.totalMs - p.idleMs)} ms on the CPU (${elsewhere}).`, ''];
  const table = (heading: string, lines: ProfileSummary['byModule'], code: boolean) => {
    out.push(`| ${heading} | ms | share of CPU |`, '|---|---:|---:|');
    for (const line of lines) out.push(`| ${code ? `\`${line.name}\`` : line.name} | ${ms(line.ms)} | ${(line.share * 100).toFixed(1)}% |`);
    out.push('');
  };
  table('by module (self)', p.byModule, false);
  table('by function (inclusive)', p.byTotal, true);
  table('by function (self)', p.bySelf, true);
  return out;
}

function latencyTables(title: string, l: LatencyResult): string[] {
  const out = [`### ${title} (${l.flows} purchases each, interleaved with the echo bot)`, ''];
  out.push('| | bot median | bot p99 | echo median | echo p99 | median ratio |', '|---|---:|---:|---:|---:|---:|');
  const row = (name: string, bot: Summary, echo: Summary) =>
    out.push(`| ${name} | ${ms(bot.median)} ms | ${ms(bot.p99)} ms | ${ms(echo.median)} ms | ${ms(echo.p99)} ms | ${ratio(bot.median, echo.median)} |`);
  row('**all turns**', l.bot.all, l.echo.all);
  row('invokes (Action.Execute)', l.bot.invokes, l.echo.invokes);
  row('messages', l.bot.messages, l.echo.messages);
  for (const step of l.steps) row(`${step.step} (${step.kind})`, step.bot, step.echo);
  out.push('', `Errors: ${l.errors.length}${l.errors.length ? ` (${[...new Set(l.errors)].slice(0, 3).join('; ')})` : ''}`, '');
  return out;
}

function throughputTable(title: string, rows: ThroughputResult[]): string[] {
  const out = [`### ${title}`, ''];
  out.push('| reps | processes | wall time | completed | purchases/s | per process | invoke median | invoke p99 | turn p99 | errors | carts created | carts checked out | checkouts per cart | PC calls per purchase |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const t of rows) {
    out.push(`| ${t.reps} | ${t.processes} | ${(t.wallMs / 1000).toFixed(2)} s | ${t.completed} | ${t.purchasesPerSecond.toFixed(1)} | ${(t.purchasesPerSecond / t.processes).toFixed(1)} | ${ms(t.invokes.median)} ms | ${ms(t.invokes.p99)} ms | ${ms(t.turns.p99)} ms | ${t.errors.length} | ${t.cartsCreated} | ${t.cartsCheckedOut} | ${checkouts(t)} | ${t.callsPerPurchase.toFixed(1)} |`);
  }
  const errors = rows.flatMap((t) => t.errors);
  if (errors.length) out.push('', `Errors seen: ${[...new Set(errors)].slice(0, 5).join('; ')}`);
  out.push('');
  return out;
}

const checkouts = (t: ThroughputResult) => (t.checkoutsPerCart[0] === t.checkoutsPerCart[1] ? String(t.checkoutsPerCart[0]) : t.checkoutsPerCart.join('–'));

/** Every figure of issue 16 against its target, first in the report. */
function targetsTable(r: BenchResults): string[] {
  const rows: [string, string, string, boolean | undefined][] = [];
  const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**missed**');
  const latencyRow = (storage: string, l: LatencyResult | undefined, limit: number) => {
    const value = l && l.bot.all.median / l.echo.all.median;
    rows.push([`median turn, ${storage} store, vs the echo bot`, `≤ ${limit}×`, value === undefined ? '–' : `${value.toFixed(2)}× (${ms(l!.bot.all.median)} / ${ms(l!.echo.all.median)} ms)`, value === undefined ? undefined : value <= limit]);
  };
  const embedded = r.storage === 'embedded' ? r.latency : undefined;
  const memory = r.storage === 'memory' ? r.latency : r.latencyMemory;
  latencyRow('embedded', embedded, 2);
  latencyRow('memory', memory, 1.5);
  for (const [reps, limit] of [[10, 250], [200, 1000]] as const) {
    const t = r.throughput.find((row) => row.reps === reps);
    rows.push([`invoke p99, ${reps} reps at once`, `≤ ${limit} ms`, t ? `${ms(t.invokes.p99)} ms` : '–', t && t.invokes.p99 <= limit]);
  }
  const loads = [...r.throughput, ...r.shared];
  const errors = loads.reduce((sum, t) => sum + t.errors.length + (t.reps - t.completed), 0);
  rows.push(['errors or unfinished purchases under load', '0', loads.length ? String(errors) : '–', loads.length ? errors === 0 : undefined]);
  const once = loads.every((t) => t.checkoutsPerCart[0] === 1 && t.checkoutsPerCart[1] === 1 && t.cartsCheckedOut === t.completed);
  rows.push(['checkouts per purchase under load', 'exactly 1', loads.length ? loads.map(checkouts).join(', ') : '–', loads.length ? once : undefined]);
  for (const t of r.throughput.filter((row) => row.reps >= 50)) rows.push([`purchases/s, one process, ${t.reps} reps`, 'reported', t.purchasesPerSecond.toFixed(1), undefined]);
  for (const t of r.shared) rows.push([`purchases/s, two processes on Azurite, ${t.reps} reps`, 'reported', `${t.purchasesPerSecond.toFixed(1)} (${(t.purchasesPerSecond / 2).toFixed(1)} per process)`, undefined]);
  for (const c of r.calls) {
    const limit = c.lines === 1 ? 4 : Math.floor(2 + c.lines / 10);
    rows.push([`Partner Center calls, warm ${c.lines}-line purchase`, `≤ ${limit}`, String(c.total), c.error ? false : c.total <= limit]);
  }
  if (r.startupSeeded) {
    const s = r.startupSeeded;
    rows.push([`start-up to /healthz with ${s.purchases} stored purchases (most ordered)`, '< 2000 ms', `${ms(s.summary.median)} ms (max ${ms(s.summary.max)})`, s.summary.median < 2000]);
  }
  if (r.memory) rows.push([`RSS with ${r.memory.carts} open carts`, '< 250 MB', `${r.memory.rssAfterCartsMb.toFixed(1)} MB`, r.memory.carts >= 1000 ? r.memory.rssAfterCartsMb < 250 : undefined]);
  return [
    '### Targets (issue 16)', '',
    '| figure | target | measured | |', '|---|---|---|---|',
    ...rows.map(([figure, target, value, met]) => `| ${figure} | ${target} | ${value} | ${target === 'reported' ? '' : verdict(met)} |`),
  ];
}
