import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const profileSchema = z.object({
  nodes: z.array(z.object({
    id: z.number(),
    callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    children: z.array(z.number()).optional(),
  })),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});

/** Samples of the profiler being started and stopped are the bench's, not the bot's. */
const BENCH_HOOKS = 'scripts/bench/child-protocol';

interface ProfileLine {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  totalMs: number;
  idleMs: number;
  /** Time on the CPU per package or source file, self time only. */
  byModule: ProfileLine[];
  /** Functions by self time. */
  bySelf: ProfileLine[];
  /** Functions by inclusive time (each sample counts once per function on its stack). */
  byTotal: ProfileLine[];
}

/** node_modules/<package> or the project-relative source file: where the time goes, at a glance. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  const source = /\/((?:src|scripts)\/.*)$/.exec(url);
  if (source) return source[1];
  return url.startsWith('node:') ? url : '(node internals)';
}

export function label(frame: { functionName: string; url: string; lineNumber: number }): string {
  return `${frame.functionName || '(anonymous)'} ${moduleOf(frame.url, frame.functionName)}:${frame.lineNumber + 1}`;
}

/** Adds up several profiles (one per profiled turn) into one ranking. */
export async function summarizeProfiles(files: string[], top = 12): Promise<ProfileSummary> {
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const modules = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  for (const file of files) {
    const profile = profileSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const stackOf = (leaf: number): number[] => {
      const stack: number[] = [];
      for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) stack.push(id);
      return stack;
    };
    profile.samples.forEach((nodeId, index) => {
      const delta = profile.timeDeltas[index + 1] ?? 0;
      const node = byId.get(nodeId);
      if (!node) return;
      totalUs += delta;
      if (node.callFrame.functionName === '(idle)') {
        idleUs += delta;
        return;
      }
      if (stackOf(nodeId).some((id) => byId.get(id)!.callFrame.url.includes(BENCH_HOOKS))) return;
      const name = label(node.callFrame);
      self.set(name, (self.get(name) ?? 0) + delta);
      const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
      modules.set(module, (modules.get(module) ?? 0) + delta);
      const seen = new Set<string>();
      for (const id of stackOf(nodeId)) {
        const frame = byId.get(id)!.callFrame;
        if (frame.functionName === '(root)') continue;
        const key = label(frame);
        if (seen.has(key)) continue;
        seen.add(key);
        total.set(key, (total.get(key) ?? 0) + delta);
      }
    });
  }
  const busyUs = totalUs - idleUs;
  const rank = (map: Map<string, number>): ProfileLine[] =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ name, ms: us / 1000, share: busyUs > 0 ? us / busyUs : 0 }));
  return { totalMs: totalUs / 1000, idleMs: idleUs / 1000, byModule: rank(modules), bySelf: rank(self), byTotal: rank(total) };
}
