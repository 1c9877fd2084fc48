import { t } from '../i18n/translate';
import { hasOwnLineText, hasOwnText, lineErrorMessageKey } from './error-messages';
import { isPartnerCenterError, type PartnerCenterErrorKind } from './errors';

const MAX_DESCRIPTION_CHARS = 300;

/**
 * Partner Center's own `description` (error body) or `errorDescription` (cart line), for a code the bot
 * has no text of its own for: better than a generic sentence, and in the user's language when Partner
 * Center has it (the client sends X-Locale). Untrusted text: one line, no markdown link brackets, capped.
 */
export function partnerCenterWords(description: string | null | undefined): string | undefined {
  const line = (description ?? '').replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[[\]]/g, '').replace(/\s+/g, ' ').trim();
  if (line === '') return undefined;
  return line.length > MAX_DESCRIPTION_CHARS ? `${line.slice(0, MAX_DESCRIPTION_CHARS - 1)}…` : line;
}

/**
 * Short text for the user in their language: what happened (the bot's own text for codes it knows,
 * otherwise Partner Center's description), the Partner Center code (or HTTP status) and the correlation
 * id support needs. Never the stack or anything from the request.
 */
export function formatErrorForUser(error: unknown, locale: string | undefined): string {
  if (!isPartnerCenterError(error)) return t(locale, 'pc.unknown');
  const theirWords = error.code !== undefined && !hasOwnText(error.code) ? partnerCenterWords(error.description) : undefined;
  return t(locale, 'pc.format', {
    message: theirWords ? t(locale, 'pc.described', { description: theirWords }) : t(locale, error.userMessageKey),
    code: String(error.code ?? error.httpStatus ?? error.kind),
    correlationId: error.correlationId,
  });
}

/** The text of a cart line error: the bot's own for codes it knows, else Partner Center's errorDescription. */
export function lineErrorText(locale: string | undefined, error: { errorCode: number | string; errorDescription?: string | null }): string {
  const theirWords = hasOwnLineText(error.errorCode) ? undefined : partnerCenterWords(error.errorDescription);
  return theirWords ? t(locale, 'pc.described', { description: theirWords }) : t(locale, lineErrorMessageKey(error.errorCode));
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
