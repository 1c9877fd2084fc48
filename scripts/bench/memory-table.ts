import type { HeapProfileSummary } from './heap-profile-summary';
import type { MemoryBreakdown } from './memory-breakdown';
import type { MemoryResult } from './memory-phase';

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

function collected(now: MemoryBreakdown, before: MemoryBreakdown, kind: 'major' | 'minor'): string {
  const count = now.collections[kind] - before.collections[kind];
  const ms = now.collections[`${kind}Ms`] - before.collections[`${kind}Ms`];
  return `${count} (${ms.toFixed(0)} ms)`;
}

/** One row per part of the RSS, at start, after the carts and after a full collection. */
export function memoryBreakdownTable(memory: MemoryResult): string[] {
  const { atStart, afterCarts, afterGc } = memory.breakdowns;
  const columns = [atStart, afterCarts, afterGc];
  const row = (label: string, value: (b: MemoryBreakdown) => number) => `| ${label} | ${columns.map((b) => mb(value(b))).join(' | ')} |`;
  const resident = (b: MemoryBreakdown) => b.spaces.reduce((sum, s) => sum + s.physical, 0);
  const spaceNames = atStart.spaces.map((s) => s.name);
  const space = (b: MemoryBreakdown, name: string) => b.spaces.find((s) => s.name === name);
  return [
    `What the RSS is made of (the process's own figures; peak RSS while the carts opened ${memory.rssPeakMb.toFixed(1)} MB):`,
    '',
    `| | at start | after ${memory.carts} carts | after a full GC |`,
    '|---|---:|---:|---:|',
    row('RSS', (b) => b.rss),
    row('… anonymous (V8 heap, malloc, stacks)', (b) => b.rssAnonymous),
    row('… mapped files (node, shared libraries)', (b) => b.rssFile),
    row('V8 heap resident (all spaces)', resident),
    row('anonymous outside the V8 heap (malloc, stacks)', (b) => b.rssAnonymous - resident(b)),
    row('V8 heap total', (b) => b.heapTotal),
    row('V8 heap used', (b) => b.heapUsed),
    row('external (Buffers, ArrayBuffers)', (b) => b.external),
    row('… of which ArrayBuffers', (b) => b.arrayBuffers),
    `| mark-compacts since the one before (their pauses) | – | ${collected(afterCarts, atStart, 'major')} | ${collected(afterGc, afterCarts, 'major')} |`,
    `| scavenges since the one before (their pauses) | – | ${collected(afterCarts, atStart, 'minor')} | ${collected(afterGc, afterCarts, 'minor')} |`,
    ...spaceNames.map((name) => `| space ${name}: size / used | ${columns.map((b) => `${mb(space(b, name)?.size ?? 0)} / ${mb(space(b, name)?.used ?? 0)}`).join(' | ')} |`),
    '',
  ];
}

function allocationRows(title: string, lines: HeapProfileSummary['byModule'], turns: number): string[] {
  return [
    `| ${title} | MB | KB per turn | share |`,
    '|---|---:|---:|---:|',
    ...lines.map((l) => `| ${l.name.startsWith('(') ? l.name : `\`${l.name}\``} | ${(l.bytes / (1024 * 1024)).toFixed(1)} | ${(l.bytes / 1024 / turns).toFixed(1)} | ${(100 * l.share).toFixed(1)}% |`),
    '',
  ];
}

/** What the turns allocate (collected or not): the work the scavenger does and what gets promoted. */
export function allocationTables(memory: MemoryResult): string[] {
  const { carts, turns, file, summary } = memory.allocations;
  return [
    `What ${carts} further carts allocated (${turns} turns, sampling heap profile ${file}): ` +
      `${(summary.totalBytes / (1024 * 1024)).toFixed(1)} MB, ${(summary.totalBytes / 1024 / turns).toFixed(0)} KB per turn.`,
    '',
    ...allocationRows('by module (self)', summary.byModule, turns),
    ...allocationRows('by function (self)', summary.bySelf, turns),
    ...allocationRows('the project\'s own functions (with what they call)', summary.ownByTotal, turns),
  ];
}
