import { t } from '../i18n/translate';
import { isPartnerCenterError, type PartnerCenterErrorKind } from './errors';

/**
 * Short text for the user in their language: what happened, then what support needs (supportDetail).
 * Never the stack or anything from the request.
 */
export function formatErrorForUser(error: unknown, locale: string | undefined): string {
  if (!isPartnerCenterError(error)) return t(locale, 'pc.unknown');
  return t(locale, 'pc.format', { message: t(locale, error.userMessageKey), detail: supportDetail(locale, error) });
}

export interface SupportFacts {
  code?: number | string;
  httpStatus?: number;
  description?: string;
  correlationId: string;
  requestId: string;
}

/**
 * The line a support ticket needs: Partner Center's code — or, when there is none, the HTTP status, or
 * for a request that got no answer the transport error in words — then the correlation id and the
 * MS-RequestId of the failed call.
 */
export function supportDetail(locale: string | undefined, facts: SupportFacts): string {
  const what = facts.code !== undefined && String(facts.code) !== ''
    ? t(locale, 'failure.code', { code: String(facts.code) })
    : facts.httpStatus !== undefined
      ? t(locale, 'failure.http', { status: facts.httpStatus })
      : t(locale, 'failure.transport', { text: facts.description ?? '' });
  return t(locale, 'failure.detail', { what, correlationId: facts.correlationId, requestId: facts.requestId });
}

export interface ErrorLogFields {
  err: { name: string; message: string; stack?: string };
  kind?: PartnerCenterErrorKind;
  httpStatus?: number;
  code?: number | string;
  description?: string;
  requestId?: string;
  correlationId?: string;
  retryAfterSeconds?: number;
  method?: string;
  path?: string;
  attempts?: number;
}

/** Structured fields for the log. Built from the error's own fields only: tokens never reach an error. */
export function errorLogFields(error: unknown): ErrorLogFields {
  if (!(error instanceof Error)) return { err: { name: 'NonError', message: String(error) } };
  const err = { name: error.name, message: error.message, stack: error.stack };
  if (!isPartnerCenterError(error)) return { err };
  return {
    err,
    kind: error.kind,
    httpStatus: error.httpStatus,
    code: error.code,
    description: error.description,
    requestId: error.requestId,
    correlationId: error.correlationId,
    retryAfterSeconds: error.retryAfterSeconds,
    method: error.method,
    path: error.path,
    attempts: error.attempts,
  };
}
