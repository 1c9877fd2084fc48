import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AccessTokenProvider } from './auth';
import { isPartnerCenterError, type PartnerCenterError, type PartnerCenterErrorKind } from './errors';
import { createHttpTransport } from './http';
import { collectionSchema, customerSchema } from './schemas';

interface SelfCheckTarget {
  baseUrl: string;
  /** How the bot authenticates, in words: "embedded sandbox", "app-only (client secret)", "app+user"… */
  mode: string;
  tokenProvider: AccessTokenProvider;
  /** The configured partner tenant and app, reported back so a wrong one is easy to spot. */
  tenantId?: string;
  clientId?: string;
}

/** What the start-up log prints: one sentence, and fields without any secret or token. */
export interface SelfCheckReport {
  ok: boolean;
  summary: string;
  fields: Record<string, string | number>;
}

/** Claims of an Entra access token worth reporting; the token itself is never logged. */
const tokenClaimsSchema = z.looseObject({
  tid: z.string().optional(),
  appid: z.string().optional(),
  azp: z.string().optional(),
  upn: z.string().optional(),
  unique_name: z.string().optional(),
});

/** Reads the claims without verifying the signature: only to say who we are, never to decide anything. */
function claimsOf(token: string | undefined): Record<string, string> {
  const payload = token?.split('.')[1];
  if (!payload) return {};
  try {
    const claims = tokenClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!claims.success) return {};
    const { tid, appid, azp, upn, unique_name: uniqueName } = claims.data;
    return Object.fromEntries(
      Object.entries({ tokenTenant: tid, tokenApp: appid ?? azp, user: upn ?? uniqueName }).filter((e): e is [string, string] => Boolean(e[1])),
    );
  } catch {
    return {};
  }
}

const HINTS: Record<PartnerCenterErrorKind, string> = {
  auth: 'Partner Center refused the credentials: PARTNER_CENTER_TENANT_ID must be the partner tenant and PARTNER_CENTER_CLIENT_ID an app registered in Partner Center (Account settings > App management) with the Admin agent or Sales agent role',
  mfa: 'Partner Center wants a token obtained with MFA: use App+User (PARTNER_CENTER_REFRESH_TOKEN_FILE) with a refresh token from the Secure Application Model consent',
  business: 'Partner Center refused the read; see the code and description',
  not_found: 'the URL answered 404: PARTNER_CENTER_BASE_URL should be like https://api.partnercenter.microsoft.com (without /v1)',
  invalid_response: 'the answer was not Partner Center JSON: is PARTNER_CENTER_BASE_URL the Partner Center API?',
  network: 'could not connect: check PARTNER_CENTER_BASE_URL, DNS and the outbound firewall or proxy',
  timeout: 'Partner Center did not answer in time; the bot keeps running and retries on each request',
  throttled: 'Partner Center is throttling this account; the bot keeps running and honours Retry-After',
  transient: 'Partner Center answered with a server error; the bot keeps running and retries on each request',
};

/** Entra ID failures carry an AADSTS code and a correlation id that Microsoft support asks for. */
function entraFailure(error: unknown): Record<string, string> {
  const source = error as { errorCode?: unknown; errorMessage?: unknown; correlationId?: unknown; message?: unknown };
  const text = String(source.errorMessage ?? source.message ?? error);
  const fields: Record<string, string> = { reason: text.split('\n')[0].slice(0, 300) };
  if (typeof source.errorCode === 'string' && source.errorCode) fields.entraError = source.errorCode;
  const aadsts = /AADSTS\d+/.exec(text)?.[0];
  if (aadsts) fields.entraCode = aadsts;
  // Entra's own correlation id is in its message; msal's (the client-request-id it sent) is the fallback.
  const correlation = /Correlation ID: ([0-9a-f-]{36})/i.exec(text)?.[1] ?? (typeof source.correlationId === 'string' ? source.correlationId : '');
  if (correlation) fields.correlationId = correlation;
  return fields;
}

/** Well-known Entra ID answers, translated into the variable to fix. */
const TOKEN_HINTS: [RegExp, string][] = [
  [/AADSTS7000215|AADSTS7000222/, 'PARTNER_CENTER_CLIENT_SECRET is wrong or expired (use the secret value, not its id)'],
  [/AADSTS700016/, 'PARTNER_CENTER_CLIENT_ID is not an app registered in PARTNER_CENTER_TENANT_ID'],
  [/AADSTS90002|AADSTS900023/, 'PARTNER_CENTER_TENANT_ID is not an Entra ID tenant'],
  // msal reads /{tenant}/v2.0/.well-known/openid-configuration first; an unknown tenant (AADSTS90002) or an
  // unreachable authority surfaces as this, without the AADSTS code.
  [/endpoints_resolution_error/, 'PARTNER_CENTER_TENANT_ID is not an Entra ID tenant, or PARTNER_CENTER_AUTHORITY is not reachable'],
  [/AADSTS700027|AADSTS700024/, 'the certificate in PARTNER_CENTER_CERTIFICATE_PATH is not registered on the app'],
  [/AADSTS700082|AADSTS70008|AADSTS70043/, 'the refresh token expired: repeat the Secure Application Model consent and replace PARTNER_CENTER_REFRESH_TOKEN_FILE'],
  [/ENOENT|EACCES|refresh token file/, 'PARTNER_CENTER_REFRESH_TOKEN_FILE cannot be read'],
];

function tokenHint(fields: Record<string, string>): string {
  const text = `${fields.entraCode ?? ''} ${fields.reason}`;
  return TOKEN_HINTS.find(([pattern]) => pattern.test(text))?.[1] ?? 'see the Entra ID error and correlation id';
}

function partnerCenterFailure(error: PartnerCenterError): Record<string, string | number> {
  const fields: Record<string, string | number> = { kind: error.kind, requestId: error.requestId, correlationId: error.correlationId };
  if (error.httpStatus !== undefined) fields.httpStatus = error.httpStatus;
  if (error.code !== undefined) fields.partnerCenterCode = error.code;
  if (error.description) fields.description = error.description.slice(0, 300);
  return fields;
}

/**
 * One cheap read (the first customer: GET /v1/customers?size=1) that proves the whole chain works:
 * Entra ID issues a token, Partner Center accepts it for this partner, and the JSON parses. Never throws.
 */
export async function checkPartnerCenter(target: SelfCheckTarget): Promise<SelfCheckReport> {
  const base = { partnerCenter: target.baseUrl, mode: target.mode, ...(target.tenantId ? { tenant: target.tenantId } : {}), ...(target.clientId ? { app: target.clientId } : {}) };
  let token: string | undefined;
  try {
    token = await target.tokenProvider.getAccessToken();
  } catch (error) {
    const fields = { ...base, ...entraFailure(error) };
    return { ok: false, summary: `Partner Center self-check failed: no token from Entra ID: ${tokenHint(fields)}`, fields };
  }
  const transport = createHttpTransport({
    baseUrl: target.baseUrl,
    tokenProvider: { getAccessToken: async () => token },
    retry: { maxAttempts: 2, deadlineMs: 15_000, attemptTimeoutMs: 10_000 },
  });
  try {
    await transport.send(
      { correlationId: randomUUID(), locale: 'en-US' },
      { method: 'GET', path: '/customers', query: { size: 1 }, schema: collectionSchema(customerSchema) },
    );
    const claims = claimsOf(token);
    const fields = { ...base, ...claims };
    const who = claims.user ? `, as ${claims.user}` : target.clientId ? `, as app ${target.clientId}` : '';
    return { ok: true, summary: `Partner Center self-check passed: customers readable at ${target.baseUrl} (${target.mode}${who})`, fields };
  } catch (error) {
    if (!isPartnerCenterError(error)) {
      return { ok: false, summary: 'Partner Center self-check failed unexpectedly', fields: { ...base, reason: String(error).slice(0, 300) } };
    }
    return {
      ok: false,
      summary: `Partner Center self-check failed: ${HINTS[error.kind]}`,
      fields: { ...base, ...claimsOf(token), ...partnerCenterFailure(error) },
    };
  }
}
