import { supportDetail } from '../../../partner-center';
import type { Failure } from '../purchase';

/**
 * What support needs, for a stored failure. `fallback` fills ids the failure lacks: an error raised
 * before any call has neither, an order group error carries only its code.
 */
export function failureDetail(locale: string, failure: Failure, fallback: { correlationId: string; requestId?: string }): string {
  return supportDetail(locale, {
    ...failure,
    correlationId: failure.correlationId ?? fallback.correlationId,
    requestId: failure.requestId ?? fallback.requestId ?? '—',
  });
}
