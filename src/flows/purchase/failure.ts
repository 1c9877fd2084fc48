import { isPartnerCenterError } from '../../partner-center';
import type { Failure } from './purchase';

/** What is kept of a failed Partner Center call: enough to explain it and for support to trace it. */
export function toFailure(error: unknown): Failure {
  if (isPartnerCenterError(error)) {
    return {
      httpStatus: error.httpStatus,
      code: error.code,
      description: error.description ?? error.message,
      correlationId: error.correlationId,
      requestId: error.requestId,
      messageKey: error.userMessageKey,
    };
  }
  return { description: error instanceof Error ? error.message : String(error), messageKey: 'pc.unknown' };
}
