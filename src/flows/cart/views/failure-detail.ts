import { t } from '../../../i18n/translate';
import type { Failure } from '../../purchase/purchase';

/**
 * The line a support ticket needs, on every failure card: Partner Center's code — or, when there is
 * none, the HTTP status, or for a request that got no answer the transport error in words — then the
 * correlation id and the MS-RequestId of the failed call. `fallback` fills ids the failure lacks (an
 * error raised before any call has neither).
 */
export function failureDetail(locale: string, failure: Failure, fallback: { correlationId: string; requestId?: string }): string {
  const what = failure.code !== undefined && String(failure.code) !== ''
    ? t(locale, 'failure.code', { code: String(failure.code) })
    : failure.httpStatus !== undefined
      ? t(locale, 'failure.http', { status: failure.httpStatus })
      : t(locale, 'failure.transport', { text: failure.description });
  return t(locale, 'failure.detail', {
    what,
    correlationId: failure.correlationId ?? fallback.correlationId,
    requestId: failure.requestId ?? fallback.requestId ?? '—',
  });
}
