import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import { PartnerCenterCall } from '../telemetry/partner-center-call';
import type { AccessTokenProvider } from './auth';
import { errorFromResponse, isPartnerCenterError, PartnerCenterError, type RequestIdentity } from './errors';
import type { PartnerCenterLogger } from './logger';
import type { CallContext } from './operations';
import { randomRequestId, requestIdFor, type RequestIdGenerator } from './request-ids';
import { roundTrip, RoundTripTimeout } from './round-trip';
import { systemClock, type Clock } from '../retry/clock';
import { DEFAULT_RETRY_POLICY, runWithRetry, type AttemptInfo, type RetryPolicySettings } from './retry-policy';

const APPLICATION_NAME = 'Partner Cart';

export interface HttpTransportOptions {
  /** Like `https://api.partnercenter.microsoft.com`, without `/v1`. */
  baseUrl: string;
  tokenProvider: AccessTokenProvider;
  retry?: Partial<RetryPolicySettings>;
  runtime?: Partial<Clock>;
  newRequestId?: RequestIdGenerator;
  logger?: PartnerCenterLogger;
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';

export interface PartnerCenterRequest<S extends z.ZodType> {
  method: HttpMethod;
  /** Below `/v1`, e.g. `/customers/{id}/carts`; a service link (`/customers?…`, `/v1/…`) works as is. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Serialised with JSON.stringify exactly as given: no field is renamed or dropped. */
  body?: unknown;
  headers?: Record<string, string>;
  schema: S;
  /** Overrides of the transport's retry settings for this operation (e.g. slow order placement). */
  retry?: Partial<RetryPolicySettings>;
}

export interface HttpTransport {
  send<S extends z.ZodType>(ctx: CallContext, request: PartnerCenterRequest<S>): Promise<z.infer<S>>;
}

/** Links from the service are relative and usually omit `/v1`; the .NET SDK joins them the same way. */
export function partnerCenterUrl(baseUrl: string, path: string, query: PartnerCenterRequest<z.ZodType>['query'] = {}): URL {
  const relative = path.startsWith('/') ? path : `/${path}`;
  const versioned = /^\/v1(\/|\?|$)/.test(relative) ? relative : `/v1${relative}`;
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}${versioned}`);
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const settings: RetryPolicySettings = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const runtime: Clock = { ...systemClock, ...options.runtime };
  const newRequestId = options.newRequestId ?? randomRequestId;
  const logger = options.logger;

  async function send<S extends z.ZodType>(ctx: CallContext, request: PartnerCenterRequest<S>): Promise<z.infer<S>> {
    const url = partnerCenterUrl(options.baseUrl, request.path, request.query);
    const identity: RequestIdentity = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      requestId: requestIdFor(ctx, newRequestId),
      correlationId: ctx.correlationId,
    };
    let tokenRefreshed = false;
    const call = new PartnerCenterCall({ method: request.method, url, requestId: identity.requestId, correlationId: identity.correlationId });
    const answered = (response: Exchange): Exchange => {
      call.answered(response.status);
      return response;
    };

    const attempt = async ({ attempt: number, timeoutMs }: AttemptInfo): Promise<z.infer<S>> => {
      const startedAt = runtime.now();
      let response = answered(await exchange(url, request, ctx, identity, await tokenFor(identity, false), timeoutMs));
      // One forced token refresh per operation: a 401 that is not an MFA challenge usually means an
      // expired or revoked token, which a fresh one fixes; a second 401 is final.
      if (response.error?.kind === 'auth' && response.error.httpStatus === 401 && !tokenRefreshed) {
        tokenRefreshed = true;
        const fresh = await tokenFor(identity, true);
        if (fresh !== undefined) response = answered(await exchange(url, request, ctx, identity, fresh, timeoutMs));
      }
      logger?.debug(
        { ...identity, attempt: number, status: response.status, durationMs: runtime.now() - startedAt },
        'partner center call',
      );
      if (response.error) throw response.error;
      return parseBody(request.schema, response.bodyText, identity, response.status);
    };

    try {
      const result = await runWithRetry(attempt, request.retry ? { ...settings, ...request.retry } : settings, runtime, (error, attemptNumber, delayMs) => {
        call.retrying(error, delayMs);
        logger?.warn(
          { ...identity, attempt: attemptNumber, kind: error.kind, httpStatus: error.httpStatus, code: error.code, delayMs },
          'partner center call will be retried',
        );
      });
      call.succeeded();
      return result;
    } catch (error) {
      call.failed(isPartnerCenterError(error) ? error : { kind: 'unexpected' });
      throw error;
    }
  }

  async function tokenFor(identity: RequestIdentity, forceRefresh: boolean): Promise<string | undefined> {
    try {
      return await options.tokenProvider.getAccessToken({ forceRefresh });
    } catch (cause) {
      throw new PartnerCenterError({ ...identity, kind: 'auth', description: 'could not acquire an access token', cause });
    }
  }

  return { send };
}

interface Exchange {
  status?: number;
  bodyText: string;
  error?: PartnerCenterError;
}

async function exchange(
  url: URL,
  request: PartnerCenterRequest<z.ZodType>,
  ctx: CallContext,
  identity: RequestIdentity,
  token: string | undefined,
  timeoutMs: number,
): Promise<Exchange> {
  const body = request.body === undefined ? undefined : JSON.stringify(request.body);
  try {
    const response = await roundTrip(url, request.method, requestHeaders(request, ctx, identity, token), body, timeoutMs);
    const { status, bodyText } = response;
    if (status >= 200 && status < 300) return { status, bodyText };
    const error = errorFromResponse({ status, statusText: response.statusText, headers: headersOf(response.headers), bodyText }, identity);
    return { status, bodyText, error };
  } catch (cause) {
    const kind = cause instanceof RoundTripTimeout ? 'timeout' : 'network';
    const description = kind === 'timeout' ? `no answer within ${timeoutMs} ms` : describeNetworkFailure(cause);
    return { bodyText: '', error: new PartnerCenterError({ ...identity, kind, description, cause }) };
  }
}

function headersOf(raw: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

function requestHeaders(
  request: PartnerCenterRequest<z.ZodType>,
  ctx: CallContext,
  identity: RequestIdentity,
  token: string | undefined,
): Record<string, string> {
  return {
    ...request.headers,
    Accept: 'application/json',
    ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
    'MS-RequestId': identity.requestId,
    'MS-CorrelationId': identity.correlationId,
    'X-Locale': ctx.locale,
    'MS-PartnerCenter-Application': APPLICATION_NAME,
  };
}

/** The error's own words with its code (ECONNRESET, …), and those of its causes. */
function describeNetworkFailure(error: unknown): string {
  const parts: string[] = [];
  for (let current: unknown = error; current instanceof Error && parts.length < 4; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    parts.push(typeof code === 'string' ? `${current.message} (${code})` : current.message);
  }
  return parts.join(': ') || String(error);
}

function parseBody<S extends z.ZodType>(
  schema: S,
  bodyText: string,
  identity: RequestIdentity,
  httpStatus: number | undefined,
): z.infer<S> {
  let json: unknown;
  try {
    json = bodyText === '' ? undefined : JSON.parse(bodyText);
  } catch {
    throw new PartnerCenterError({ ...identity, kind: 'invalid_response', httpStatus, description: 'body is not JSON' });
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const description = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new PartnerCenterError({ ...identity, kind: 'invalid_response', httpStatus, description });
}
