import { z } from 'zod';
import { label, moduleOf } from './profile-summary';

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

const heapNodeSchema: z.ZodType<HeapNode> = z.lazy(() =>
  z.object({
    callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
    selfSize: z.number(),
    children: z.array(heapNodeSchema),
  }),
);
export const heapProfileSchema = z.object({ head: heapNodeSchema });

interface AllocationLine {
  name: string;
  bytes: number;
  share: number;
}

export interface HeapProfileSummary {
  totalBytes: number;
  byModule: AllocationLine[];
  bySelf: AllocationLine[];
  /** The project's own functions, each counting what it and everything it called allocated. */
  ownByTotal: AllocationLine[];
}

function ranked(totals: Map<string, number>, all: number, top: number): AllocationLine[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => ({ name, bytes, share: all ? bytes / all : 0 }));
}

const add = (totals: Map<string, number>, key: string, bytes: number) => totals.set(key, (totals.get(key) ?? 0) + bytes);

/** A sampling heap profile (every allocation, collected or not) as rankings: who allocates what the GC has to clear. */
export function summarizeHeapProfile(profile: z.infer<typeof heapProfileSchema>, top = 12): HeapProfileSummary {
  const modules = new Map<string, number>();
  const self = new Map<string, number>();
  const own = new Map<string, number>();
  let totalBytes = 0;
  const walk = (node: HeapNode, ownOnStack: ReadonlySet<string>): number => {
    const name = label(node.callFrame);
    const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
    add(modules, module, node.selfSize);
    add(self, name, node.selfSize);
    totalBytes += node.selfSize;
    const isOwn = module.startsWith('src/') && !ownOnStack.has(name);
    const stack = isOwn ? new Set([...ownOnStack, name]) : ownOnStack;
    const below = node.children.reduce((sum, child) => sum + walk(child, stack), node.selfSize);
    if (isOwn) add(own, name, below);
    return below;
  };
  walk(profile.head, new Set());
  return { totalBytes, byModule: ranked(modules, totalBytes, top), bySelf: ranked(self, totalBytes, top), ownByTotal: ranked(own, totalBytes, top) };
}
