import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { z } from 'zod';
import { memoryBreakdown, memoryBreakdownSchema } from './memory-breakdown';

/** What the bench orchestrator asks a bot process over the fork() IPC channel. */
const parentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('memory') }),
  z.object({ type: z.literal('collectGarbage') }),
  z.object({ type: z.literal('idle') }),
  /** `intervalUs`: the sampling interval (default 200 µs); a coarser one costs a loaded bot less. */
  z.object({ type: z.literal('profileStart'), intervalUs: z.number().int().positive().optional() }),
  z.object({ type: z.literal('profileStop'), file: z.string().min(1) }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

export const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int().positive() }),
  z.object({ type: z.literal('memory'), breakdown: memoryBreakdownSchema }),
  z.object({ type: z.literal('idle') }),
  z.object({ type: z.literal('garbageCollected') }),
  z.object({ type: z.literal('profileStarted') }),
  z.object({ type: z.literal('profiled'), file: z.string() }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;

interface ChildHooks {
  /** Resolves when the process has no work left running (background checkouts). */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

/**
 * Answers the orchestrator: memory figures, waiting for background work, a CPU profile of a chosen
 * window (inspector in-process, so only the measured turns are sampled), and a clean stop.
 */
export function serveParent(port: number, hooks: ChildHooks): void {
  let session: Session | undefined;
  process.on('message', (raw: unknown) => {
    const parsed = parentMessageSchema.safeParse(raw);
    if (!parsed.success) return send({ type: 'failed', message: 'unknown message' });
    void answer(parsed.data).catch((error: unknown) => send({ type: 'failed', message: String(error) }));
  });
  // An orchestrator that dies leaves no orphan bot behind.
  process.once('disconnect', () => process.exit(0));
  send({ type: 'ready', port });

  async function answer(message: ParentMessage): Promise<void> {
    switch (message.type) {
      case 'memory':
        return send({ type: 'memory', breakdown: memoryBreakdown() });
      case 'idle':
        await hooks.idle();
        return send({ type: 'idle' });
      case 'collectGarbage': {
        // Through the inspector, so the bot runs with the flags `npm start` gives it (no --expose-gc).
        const gc = new Session();
        gc.connect();
        await gc.post('HeapProfiler.collectGarbage');
        gc.disconnect();
        return send({ type: 'garbageCollected' });
      }
      case 'profileStart':
        session = new Session();
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: message.intervalUs ?? 200 });
        await session.post('Profiler.start');
        return send({ type: 'profileStarted' });
      case 'profileStop': {
        if (!session) return send({ type: 'failed', message: 'no profile running' });
        const { profile } = await session.post('Profiler.stop');
        session.disconnect();
        session = undefined;
        await writeFile(message.file, JSON.stringify(profile));
        return send({ type: 'profiled', file: message.file });
      }
      case 'stop':
        await hooks.close();
        process.exit(0);
    }
  }
}
