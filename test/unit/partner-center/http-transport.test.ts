import pino from 'pino';
import { z } from 'zod';
import { noToken, type AccessTokenProvider } from '../../../src/partner-center/auth';
import { PartnerCenterError } from '../../../src/partner-center/errors';
import { createHttpTransport, partnerCenterUrl, type HttpTransportOptions } from '../../../src/partner-center/http';
import type { PartnerCenterLogger } from '../../../src/partner-center/logger';
import { fakeRuntime, startScriptedServer, testContext, type Script, type ScriptedServer } from './scripted-server';

const thing = z.looseObject({ id: z.string() });
const ok = { status: 200, body: { id: 'x' } };
const serverError = { status: 500, body: { code: 800003, description: 'Unexpected service error', data: [], source: 'PartnerFD' } };

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function transportFor(script: Script, options: Partial<HttpTransportOptions> = {}) {
  server = await startScriptedServer(script);
  const clock = fakeRuntime();
  let ids = 0;
  const transport = createHttpTransport({
    baseUrl: server.baseUrl,
    tokenProvider: noToken,
    runtime: clock.runtime,
    newRequestId: () => `request-${++ids}`,
    ...options,
  });
  return { transport, clock, calls: server.calls };
}

function failureOf(promise: Promise<unknown>): Promise<PartnerCenterError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(PartnerCenterError);
      return error as PartnerCenterError;
    },
  );
}

const get = { method: 'GET', path: '/customers/c-1', schema: thing } as const;

describe('partnerCenterUrl', () => {
  it('adds /v1 unless a service link already has it', () => {
    expect(partnerCenterUrl('https://pc.example/', '/customers/a').href).toBe('https://pc.example/v1/customers/a');
    expect(partnerCenterUrl('https://pc.example', '/v1/customers?size=40').href).toBe('https://pc.example/v1/customers?size=40');
    expect(partnerCenterUrl('https://pc.example', '/customers', { size: 5, filter: '{"a":1}', skip: undefined }).search).toBe(
      '?size=5&filter=%7B%22a%22%3A1%7D',
    );
  });
});

describe('headers', () => {
  it('sends the Partner Center headers, and the token when there is one', async () => {
    const token: AccessTokenProvider = { getAccessToken: async () => 'secret-token' };
    const { transport, calls } = await transportFor([ok, ok], { tokenProvider: token });
    await transport.send({ ...testContext, locale: 'pl-PL' }, get);
    await transport.send({ ...testContext, requestId: 'callers-id' }, { method: 'POST', path: '/customers/c-1/carts', body: { a: 1 }, schema: thing });
    const [read, write] = calls;
    expect(read?.headers).toMatchObject({
      authorization: 'Bearer secret-token',
      accept: 'application/json',
      'ms-requestid': 'request-1',
      'ms-correlationid': testContext.correlationId,
      'x-locale': 'pl-PL',
      'ms-partnercenter-application': 'Partner Cart',
    });
    expect(read?.headers['content-type']).toBeUndefined();
    expect(write?.headers).toMatchObject({ 'content-type': 'application/json', 'ms-requestid': 'callers-id' });
    expect(write?.body).toBe('{"a":1}');
  });

  it('sends no Authorization header when the provider has no token (sandbox)', async () => {
    const { transport, calls } = await transportFor([ok]);
    await transport.send(testContext, get);
    expect(calls[0]?.headers.authorization).toBeUndefined();
  });

  it('does not let extra headers override the protected ones', async () => {
    const { transport, calls } = await transportFor([ok]);
    await transport.send(testContext, { ...get, headers: { 'MS-RequestId': 'forged', 'MS-ContinuationToken': 't' } });
    expect(calls[0]?.headers).toMatchObject({ 'ms-requestid': 'request-1', 'ms-continuationtoken': 't' });
  });
});

describe('retries', () => {
  it('retries 5xx with the same MS-RequestId', async () => {
    const { transport, calls, clock } = await transportFor([serverError, { ...serverError, status: 503 }, ok]);
    await expect(transport.send(testContext, get)).resolves.toEqual({ id: 'x' });
    expect(calls.map((c) => c.headers['ms-requestid'])).toEqual(['request-1', 'request-1', 'request-1']);
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('honours Retry-After on 429', async () => {
    const throttled = { status: 429, headers: { 'Retry-After': '7' }, body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 7 seconds.' } };
    const { transport, clock } = await transportFor([throttled, ok]);
    await transport.send(testContext, get);
    expect(clock.sleeps).toEqual([7000]);
  });

  it('retries a dropped connection', async () => {
    const { transport, calls } = await transportFor([{ drop: true }, ok]);
    await expect(transport.send(testContext, get)).resolves.toEqual({ id: 'x' });
    expect(calls).toHaveLength(2);
  });

  it('times an attempt out and retries it with the same MS-RequestId', async () => {
    const { transport, calls } = await transportFor([{ ...ok, delayMs: 2_000 }, ok], { retry: { attemptTimeoutMs: 100 } });
    await expect(transport.send(testContext, get)).resolves.toEqual({ id: 'x' });
    expect(calls.map((c) => c.headers['ms-requestid'])).toEqual(['request-1', 'request-1']);
  });

  it('lets one operation wait longer than the transport default (slow order placement)', async () => {
    const { transport, calls } = await transportFor([{ ...ok, delayMs: 300 }, ok], { retry: { attemptTimeoutMs: 100 } });
    await expect(transport.send(testContext, { ...get, retry: { attemptTimeoutMs: 5_000 } })).resolves.toEqual({ id: 'x' });
    expect(calls).toHaveLength(1);
  });

  it('reports a timeout when every attempt is too slow', async () => {
    const { transport } = await transportFor(() => ({ ...ok, delayMs: 2_000 }), { retry: { attemptTimeoutMs: 50, maxAttempts: 2 } });
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'timeout', attempts: 2, requestId: 'request-1' });
  });

  it.each([
    [400, { code: 800002, description: 'Invalid request input' }],
    [404, { code: 800008, description: 'Unable to retrieve cart ID' }],
    [409, { code: 800064, description: 'Cart is being processed by another request' }],
    [501, { code: 0, description: 'Exception not defined' }],
  ])('does not retry %s', async (status, body) => {
    const { transport, calls } = await transportFor([{ status, body }, ok]);
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ httpStatus: status, code: body.code, attempts: 1 });
    expect(calls).toHaveLength(1);
  });

  it('stops at the deadline with the last failure', async () => {
    const { transport, calls } = await transportFor(() => serverError, { retry: { deadlineMs: 1_000, maxAttempts: 50 } });
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'transient', httpStatus: 500, code: 800003 });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThan(50);
  });
});

describe('401 handling', () => {
  function countingProvider() {
    const requests: boolean[] = [];
    const provider: AccessTokenProvider = {
      getAccessToken: async ({ forceRefresh = false } = {}) => {
        requests.push(forceRefresh);
        return forceRefresh ? 'fresh-token' : 'stale-token';
      },
    };
    return { provider, requests };
  }
  const unauthorized = { status: 401, body: { code: 800001, description: 'Partner Token missing in request context' } };

  it('forces one token refresh after a 401 and retries once', async () => {
    const { provider, requests } = countingProvider();
    const { transport, calls } = await transportFor([unauthorized, ok], { tokenProvider: provider });
    await expect(transport.send(testContext, get)).resolves.toEqual({ id: 'x' });
    expect(requests).toEqual([false, true]);
    expect(calls.map((c) => c.headers.authorization)).toEqual(['Bearer stale-token', 'Bearer fresh-token']);
  });

  it('gives up after the refreshed token is refused too', async () => {
    const { provider } = countingProvider();
    const { transport, calls } = await transportFor([unauthorized, unauthorized, ok], { tokenProvider: provider });
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'auth', httpStatus: 401, userMessageKey: 'pc.auth' });
    expect(calls).toHaveLength(2);
  });

  it('does not refresh on an MFA challenge', async () => {
    const { provider, requests } = countingProvider();
    const mfa = { status: 401, statusText: 'Unauthorized - MFA required', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } };
    const { transport, calls } = await transportFor([mfa, ok], { tokenProvider: provider });
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'mfa', httpStatus: 401, userMessageKey: 'pc.mfa' });
    expect(requests).toEqual([false]);
    expect(calls).toHaveLength(1);
  });

  it('turns a token acquisition failure into an auth error', async () => {
    const broken: AccessTokenProvider = {
      getAccessToken: async () => {
        throw new Error('AADSTS7000215: Invalid client secret provided.');
      },
    };
    const { transport, calls } = await transportFor([ok], { tokenProvider: broken });
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'auth', httpStatus: undefined });
    expect(calls).toHaveLength(0);
  });
});

describe('response parsing', () => {
  it('rejects a 2xx body that does not match the schema', async () => {
    const { transport } = await transportFor([{ status: 200, body: { name: 'no id' } }]);
    const error = await failureOf(transport.send(testContext, get));
    expect(error).toMatchObject({ kind: 'invalid_response', httpStatus: 200 });
    expect(error.description).toContain('id');
  });

  it('rejects a 2xx body that is not JSON', async () => {
    const { transport } = await transportFor([{ status: 200, body: '<html>proxy</html>' }]);
    await expect(failureOf(transport.send(testContext, get))).resolves.toMatchObject({ kind: 'invalid_response' });
  });

  it('keeps unknown fields (lenient schemas)', async () => {
    const { transport } = await transportFor([{ status: 200, body: { id: 'x', brandNew: true } }]);
    await expect(transport.send(testContext, get)).resolves.toEqual({ id: 'x', brandNew: true });
  });
});

describe('logging', () => {
  it('accepts a pino logger as is', () => {
    const logger: PartnerCenterLogger = pino({ enabled: false });
    expect(typeof logger.warn).toBe('function');
  });

  it('logs calls and retries without the token', async () => {
    const lines: unknown[] = [];
    const record = (obj: object, msg?: string) => lines.push({ ...obj, msg });
    const logger = { debug: record, info: record, warn: record, error: record };
    const token: AccessTokenProvider = { getAccessToken: async () => 'secret-token' };
    const { transport } = await transportFor([serverError, ok], { tokenProvider: token, logger });
    await transport.send(testContext, get);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatchObject({ msg: 'partner center call will be retried', httpStatus: 500, requestId: 'request-1' });
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });
});
