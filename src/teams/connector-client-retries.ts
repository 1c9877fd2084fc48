import { z } from 'zod';

interface RetryPhasePipeline {
  removePolicy(options: { phase: 'Retry' }): unknown[];
}

/** botbuilder 4.23.3 (the last release) keeps its @azure/core-client ServiceClient in `client`. */
const connectorClientShape = z.object({
  client: z.object({
    pipeline: z.custom<RetryPhasePipeline>((v) => typeof (v as Partial<RetryPhasePipeline> | null)?.removePolicy === 'function'),
  }),
});

/** Clients already changed: they are reused across turns, and removing a policy makes the pipeline re-sort its policies on its next request. */
const withoutRetries = new WeakSet<object>();

/**
 * Takes the retry policy out of a turn's connector client. botbuilder retries 429-with-Retry-After and
 * 5xx by itself (3 times, from 1 s) but not 412 or a bare 429 (docs/platform-notes.md, "Rate limits and retries (Bot Connector)"): left on, its
 * retries would run outside the per-conversation limiter and multiply with ours. Returns false when
 * the client does not have the expected shape (nothing is changed then).
 */
export function removeBuiltInRetries(connectorClient: unknown): boolean {
  if (typeof connectorClient === 'object' && connectorClient !== null && withoutRetries.has(connectorClient)) return true;
  const parsed = connectorClientShape.safeParse(connectorClient);
  if (!parsed.success) return false;
  parsed.data.client.pipeline.removePolicy({ phase: 'Retry' });
  withoutRetries.add(connectorClient as object);
  return true;
}
