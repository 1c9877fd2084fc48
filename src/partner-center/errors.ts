import { retryAfterMs } from '../retry/retry-after';
import { apiErrorBodySchema, throttleBodySchema } from './schemas';
import { messageKeyForFailure, type PartnerCenterMessageKey } from './error-messages';
import type { PartnerCenterErrorKind } from './error-kind';

export type { PartnerCenterErrorKind } from './error-kind';

/** Which call failed; the request and correlation ids are what Microsoft support asks for. */
export interface RequestIdentity {
  method: string;
  path: string;
  requestId: string;
  correlationId: string;
}

interface PartnerCenterErrorDetails extends RequestIdentity {
  kind: PartnerCenterErrorKind;
  httpStatus?: number;
  code?: number | string;
  description?: string;
  retryAfterSeconds?: number;
  attempts?: number;
  cause?: unknown;
}

/** One typed failure for every way a Partner Center call can go wrong (docs/architecture.md, rule 7). */
export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  readonly httpStatus: number | undefined;
  readonly code: number | string | undefined;
  readonly description: string | undefined;
  readonly requestId: string;
  readonly correlationId: string;
  readonly retryAfterSeconds: number | undefined;
  readonly method: string;
  readonly path: string;
  /** How many HTTP attempts were made before giving up (set by the retry loop). */
  attempts: number;

  constructor(details: PartnerCenterErrorDetails) {
    const status = details.httpStatus === undefined ? details.kind : `HTTP ${details.httpStatus}`;
    const code = details.code === undefined ? '' : ` code ${details.code}`;
    super(`Partner Center ${details.method} ${details.path} failed: ${status}${code}`, { cause: details.cause });
    this.name = 'PartnerCenterError';
    this.kind = details.kind;
    this.httpStatus = details.httpStatus;
    this.code = details.code;
    this.description = details.description;
    this.requestId = details.requestId;
    this.correlationId = details.correlationId;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.method = details.method;
    this.path = details.path;
    this.attempts = details.attempts ?? 1;
  }

  get userMessageKey(): PartnerCenterMessageKey {
    return messageKeyForFailure(this.kind, this.code);
  }
}

export function isPartnerCenterError(value: unknown): value is PartnerCenterError {
  return value instanceof PartnerCenterError;
}

interface ErrorResponse {
  status: number;
  statusText: string;
  headers: Headers;
  bodyText: string;
}

// Permission failures come back as 403 with these codes (error-codes.md); other 403s (20002, 13605,
// 900121, …) are business rules the user can act on.
const ACCESS_DENIED_CODES = new Set(['2032', '900150', '900308', '900309', '900329']);

/** Maps a non-2xx response to a typed error: standard body, 429 body, body-less 401 MFA, or non-JSON. */
export function errorFromResponse(response: ErrorResponse, identity: RequestIdentity): PartnerCenterError {
  const json = parseJson(response.bodyText);
  const apiError = apiErrorBodySchema.safeParse(json);
  const throttle = throttleBodySchema.safeParse(json);
  const code = apiError.success ? apiError.data.code : undefined;
  const description = apiError.success
    ? (apiError.data.description ?? undefined)
    : throttle.success
      ? throttle.data.message
      : truncate(response.bodyText.trim() || response.statusText);
  const retryAfterSeconds =
    parseRetryAfter(response.headers.get('retry-after')) ??
    (throttle.success ? secondsFromThrottleMessage(throttle.data.message) : undefined);
  return new PartnerCenterError({
    ...identity,
    kind: kindOf(response, code),
    httpStatus: response.status,
    code,
    description,
    retryAfterSeconds,
  });
}

function kindOf(response: ErrorResponse, code: number | string | undefined): PartnerCenterErrorKind {
  const { status } = response;
  if (status === 429) return 'throttled';
  if (status === 401) return isMfaChallenge(response) ? 'mfa' : 'auth';
  if (status === 403 && code !== undefined && ACCESS_DENIED_CODES.has(String(code))) return 'auth';
  if (status === 404) return 'not_found';
  if (status === 408 || status >= 500) return 'transient';
  return 'business';
}

/**
 * Partner Center answers a token without the `mfa` amr claim with "401 Unauthorized - MFA required",
 * no body and `WWW-Authenticate: Bearer error="invalid_token"` (partner-security-requirements-mandating-mfa.md).
 * A plain expired token also says invalid_token, so only an explicit MFA mention counts: anything else
 * gets one token refresh.
 */
function isMfaChallenge(response: ErrorResponse): boolean {
  const challenge = response.headers.get('www-authenticate') ?? '';
  return [response.statusText, challenge, response.bodyText].some((text) => /\bmfa\b|multi-factor/i.test(text));
}

/** `Retry-After` is delta-seconds on Partner Center; an HTTP date is accepted too (RFC 9110). */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const waitMs = retryAfterMs(header, now);
  return waitMs === undefined ? undefined : Math.ceil(waitMs / 1000);
}

function secondsFromThrottleMessage(message: string): number | undefined {
  const match = /try again in (\d+) seconds?/i.exec(message);
  return match ? Number(match[1]) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const MAX_DESCRIPTION_LENGTH = 1024;

function truncate(text: string): string | undefined {
  if (!text) return undefined;
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH)}…` : text;
}
