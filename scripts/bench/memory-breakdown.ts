import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';
import { z } from 'zod';

export const memoryBreakdownSchema = z.object({
  rss: z.number(),
  /** RSS of anonymous memory (the V8 heap, malloc, thread stacks) and of mapped files (node's own code, .so files). */
  rssAnonymous: z.number(),
  rssFile: z.number(),
  heapTotal: z.number(),
  heapUsed: z.number(),
  /** Memory outside the V8 heap that JavaScript objects hold (Buffers, ArrayBuffers), as V8 is told of it. */
  external: z.number(),
  arrayBuffers: z.number(),
  /** Per V8 space: committed size, bytes in live-or-not-yet-collected objects, pages actually resident. */
  spaces: z.array(z.object({ name: z.string(), size: z.number(), used: z.number(), physical: z.number() })),
  /** Collections since watchCollections() (mark-compacts and scavenges), with their pauses added up. */
  collections: z.object({ major: z.number(), majorMs: z.number(), minor: z.number(), minorMs: z.number() }),
});
export type MemoryBreakdown = z.infer<typeof memoryBreakdownSchema>;

/** Linux's own account of the process (smaps_rollup): what RSS is made of, not what the process thinks it is. */
function residentByKind(): { anonymous: number; file: number } {
  const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? Number.NaN) * 1024;
  return { anonymous: kb('Anonymous'), file: kb('Rss') - kb('Anonymous') };
}

const collections = { major: 0, majorMs: 0, minor: 0, minorMs: 0 };

/** Counts the process's garbage collections from now on (Node's `gc` performance entries). */
export function watchCollections(): void {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        collections.major += 1;
        collections.majorMs += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        collections.minor += 1;
        collections.minorMs += entry.duration;
      }
    }
  }).observe({ entryTypes: ['gc'] });
}

export function memoryBreakdown(): MemoryBreakdown {
  const usage = process.memoryUsage();
  const resident = residentByKind();
  return {
    rss: usage.rss,
    rssAnonymous: resident.anonymous,
    rssFile: resident.file,
    heapTotal: usage.heapTotal,
    heapUsed: usage.heapUsed,
    external: usage.external,
    arrayBuffers: usage.arrayBuffers,
    spaces: getHeapSpaceStatistics().map((s) => ({ name: s.space_name, size: s.space_size, used: s.space_used_size, physical: s.physical_space_size })),
    collections: { ...collections },
  };
}
