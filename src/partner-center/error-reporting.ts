import { t } from '../i18n/translate';
import { hasOwnLineText, hasOwnText, lineErrorMessageKey, type PartnerCenterMessageKey } from './error-messages';
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
 * otherwise Partner Center's description), then what support needs (supportDetail). Never the stack or
 * anything from the request.
 */
export function formatErrorForUser(error: unknown, locale: string | undefined): string {
  if (!isPartnerCenterError(error)) return t(locale, 'pc.unknown');
  const message = explainFailure(locale, { code: error.code, description: error.description, messageKey: error.userMessageKey });
  return t(locale, 'pc.format', { message, detail: supportDetail(locale, error) });
}

interface FailureFacts {
  code?: number | string;
  description?: string;
  /** The bot's own text for the failure (by code, else by kind of error). */
  messageKey: string;
}

/**
 * What happened, in the user's language: the bot's own text for codes it knows, else Partner Center's
 * description (for a live error or a stored failure alike).
 */
export function explainFailure(locale: string | undefined, facts: FailureFacts): string {
  const theirWords = facts.code !== undefined && !hasOwnText(facts.code) ? partnerCenterWords(facts.description) : undefined;
  return theirWords ? t(locale, 'pc.described', { description: theirWords }) : t(locale, facts.messageKey as PartnerCenterMessageKey);
}

interface SupportFacts {
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

/** The text of a cart line error: the bot's own for codes it knows, else Partner Center's errorDescription. */
export function lineErrorText(locale: string | undefined, error: { errorCode: number | string; errorDescription?: string | null }): string {
  const theirWords = hasOwnLineText(error.errorCode) ? undefined : partnerCenterWords(error.errorDescription);
  return theirWords ? t(locale, 'pc.described', { description: theirWords }) : t(locale, lineErrorMessageKey(error.errorCode));
}

interface ErrorLogFields {
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
