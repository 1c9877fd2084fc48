import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { z } from 'zod';
import { memoryBreakdown, memoryBreakdownSchema, watchCollections } from './memory-breakdown';

/** What the bench orchestrator asks a bot process over the fork() IPC channel. */
const parentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('memory') }),
  z.object({ type: z.literal('collectGarbage') }),
  z.object({ type: z.literal('idle') }),
  /** `intervalUs`: the sampling interval (default 200 µs); a coarser one costs a loaded bot less. */
  z.object({ type: z.literal('profileStart'), intervalUs: z.number().int().positive().optional() }),
  z.object({ type: z.literal('profileStop'), file: z.string().min(1) }),
  /** A sampling heap profile of everything allocated (collected or not) until heapProfileStop. */
  z.object({ type: z.literal('heapProfileStart') }),
  z.object({ type: z.literal('heapProfileStop'), file: z.string().min(1) }),
]);
export type ParentMessage = z.infer<typeof parentMessageSchema>;

export const childMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), port: z.number().int().positive() }),
  z.object({ type: z.literal('memory'), breakdown: memoryBreakdownSchema }),
  z.object({ type: z.literal('idle') }),
  z.object({ type: z.literal('garbageCollected') }),
  z.object({ type: z.literal('profileStarted') }),
  z.object({ type: z.literal('profiled'), file: z.string() }),
  z.object({ type: z.literal('heapProfileStarted') }),
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

/** Stops a profiler, ends its session and writes what it recorded; the session is gone (undefined) afterwards. */
async function stopAndSave(session: Session | undefined, stop: (running: Session) => Promise<object>, file: string): Promise<undefined> {
  if (!session) {
    send({ type: 'failed', message: 'no profile running' });
    return undefined;
  }
  const profile = await stop(session);
  session.disconnect();
  await writeFile(file, JSON.stringify(profile));
  send({ type: 'profiled', file });
  return undefined;
}

/**
 * Answers the orchestrator: memory figures, waiting for background work, a CPU or sampling heap profile of a chosen
 * window (inspector in-process, so only the measured turns are sampled), and a clean stop.
 */
export function serveParent(port: number, hooks: ChildHooks): void {
  let session: Session | undefined;
  let heapSession: Session | undefined;
  process.on('message', (raw: unknown) => {
    const parsed = parentMessageSchema.safeParse(raw);
    if (!parsed.success) return send({ type: 'failed', message: 'unknown message' });
    void answer(parsed.data).catch((error: unknown) => send({ type: 'failed', message: String(error) }));
  });
  // An orchestrator that dies leaves no orphan bot behind.
  process.once('disconnect', () => process.exit(0));
  watchCollections();
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
      case 'profileStop':
        session = await stopAndSave(session, async (running) => (await running.post('Profiler.stop')).profile, message.file);
        return;
      case 'heapProfileStart':
        heapSession = new Session();
        heapSession.connect();
        await heapSession.post('HeapProfiler.startSampling', {
          samplingInterval: 32 * 1024,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true,
        });
        return send({ type: 'heapProfileStarted' });
      case 'heapProfileStop':
        heapSession = await stopAndSave(heapSession, async (running) => (await running.post('HeapProfiler.stopSampling')).profile, message.file);
        return;
      case 'stop':
        await hooks.close();
        process.exit(0);
    }
  }
}
