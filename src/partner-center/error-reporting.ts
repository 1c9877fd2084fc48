import { t } from '../i18n/translate';
import { isPartnerCenterError, type PartnerCenterErrorKind } from './errors';

/**
 * Short text for the user in their language: what happened, the Partner Center code (or HTTP status)
 * and the correlation id support needs. Never the description, the stack or anything from the request.
 */
export function formatErrorForUser(error: unknown, locale: string | undefined): string {
  if (!isPartnerCenterError(error)) return t(locale, 'pc.unknown');
  return t(locale, 'pc.format', {
    message: t(locale, error.userMessageKey),
    code: String(error.code ?? error.httpStatus ?? error.kind),
    correlationId: error.correlationId,
  });
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
