import { randomUUID } from 'node:crypto';
import type { CallContext } from './operations';

export type RequestIdGenerator = () => string;

export const randomRequestId: RequestIdGenerator = () => randomUUID();

/**
 * The MS-RequestId of one logical operation: the caller's when it must survive a crash (checkout), else
 * a fresh one. "If there's a timeout, the retry call should include the same value. Upon receiving a
 * response … the value should be reset for the next call" (headers.md) — so it is chosen once, before
 * the first attempt, and every retry of the operation reuses it.
 */
export function requestIdFor(ctx: CallContext, generate: RequestIdGenerator): string {
  return ctx.requestId ?? generate();
}
