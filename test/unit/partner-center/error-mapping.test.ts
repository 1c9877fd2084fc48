import { partnerCenterErrorsEnUS } from '../../../src/i18n/catalogs/partner-center-errors.en-US';
import { partnerCenterErrorsPlPL } from '../../../src/i18n/catalogs/partner-center-errors.pl-PL';
import { lineErrorMessageKey } from '../../../src/partner-center/error-messages';
import { errorLogFields, formatErrorForUser } from '../../../src/partner-center/error-reporting';
import { errorFromResponse, parseRetryAfter, PartnerCenterError } from '../../../src/partner-center/errors';

const identity = { method: 'POST', path: '/v1/customers/c-1/carts/k-1/checkout', requestId: 'req-1', correlationId: 'corr-1' };

function mapped(status: number, body: unknown, headers: Record<string, string> = {}, statusText = '') {
  const bodyText = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  return errorFromResponse({ status, statusText, headers: new Headers(headers), bodyText }, identity);
}

describe('errorFromResponse', () => {
  it.each([
    [400, 800002, 'business', 'pc.800002'],
    [400, 800009, 'business', 'pc.800009'],
    [404, 400019, 'not_found', 'pc.400019'],
    [400, 400039, 'business', 'pc.400039'],
    [400, 900203, 'business', 'pc.900203'],
    [400, 900206, 'business', 'pc.900206'],
    [403, 13605, 'business', 'pc.13605'],
    [403, 20002, 'business', 'pc.20002'],
    [403, 900121, 'business', 'pc.900121'],
    [409, 800060, 'business', 'pc.800060'],
    [409, 800064, 'business', 'pc.800064'],
    [404, 800008, 'not_found', 'pc.800008'],
    [404, 60003, 'not_found', 'pc.60003'],
    [400, 900118, 'business', 'pc.60003'],
    [403, 900329, 'auth', 'pc.900329'],
    [400, 900117, 'business', 'pc.900117'],
    [400, 900213, 'business', 'pc.900117'],
    [400, 900214, 'business', 'pc.900214'],
    [400, 900257, 'business', 'pc.900214'],
    [400, 800090, 'business', 'pc.800090'],
    [400, 900275, 'business', 'pc.900275'],
    [409, 900278, 'business', 'pc.900278'],
    [400, 900311, 'business', 'pc.900311'],
    [403, 900150, 'auth', 'pc.auth'],
    [400, 123456, 'business', 'pc.unknown'],
    [404, 1000, 'not_found', 'pc.not_found'],
    [500, 800003, 'transient', 'pc.transient'],
    [503, 900192, 'transient', 'pc.transient'],
  ] as const)('%s with code %s → %s / %s', (status, code, kind, key) => {
    const error = mapped(status, { code, description: 'from the service', data: [], source: 'PartnerFD' });
    expect(error).toMatchObject({ httpStatus: status, code, kind, description: 'from the service', userMessageKey: key, ...identity });
  });

  it('keeps a string code as a string', () => {
    expect(mapped(400, { code: '800002', description: 'Invalid request input' })).toMatchObject({ code: '800002', userMessageKey: 'pc.800002' });
  });

  it('reads the 429 body and Retry-After', () => {
    const error = mapped(429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 57 seconds.' }, { 'Retry-After': '57' });
    expect(error).toMatchObject({ kind: 'throttled', retryAfterSeconds: 57, code: undefined, userMessageKey: 'pc.throttled' });
    expect(error.description).toBe('Rate limit is exceeded. Try again in 57 seconds.');
  });

  it('takes the wait from the 429 message when Retry-After is missing', () => {
    expect(mapped(429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 12 seconds.' }).retryAfterSeconds).toBe(12);
  });

  it('recognises the body-less 401 MFA challenge', () => {
    const error = mapped(401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }, 'Unauthorized - MFA required');
    expect(error).toMatchObject({ kind: 'mfa', code: undefined, description: 'Unauthorized - MFA required', userMessageKey: 'pc.mfa' });
  });

  it('treats a plain 401 as an auth failure worth one token refresh', () => {
    const error = mapped(401, undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="The token is expired"' }, 'Unauthorized');
    expect(error.kind).toBe('auth');
  });

  it('keeps a non-JSON body as the description, truncated', () => {
    const error = mapped(502, `<html>${'x'.repeat(2000)}</html>`);
    expect(error).toMatchObject({ kind: 'transient', code: undefined });
    expect(error.description?.startsWith('<html>')).toBe(true);
    expect(error.description?.length).toBeLessThanOrEqual(1025);
  });
});

describe('parseRetryAfter', () => {
  it('accepts delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('formatErrorForUser', () => {
  const stale = mapped(404, { code: 400019, description: 'Availability not found' });

  it('explains the failure with its code, correlation id and request id, in English and Polish', () => {
    expect(formatErrorForUser(stale, 'en-US')).toBe(
      'The offer changed in the meantime. Refresh the cart and try again. (Code 400019 · correlation id corr-1 · request id req-1)',
    );
    expect(formatErrorForUser(stale, 'pl-PL')).toBe(
      'Oferta zmieniła się w międzyczasie. Odśwież koszyk i spróbuj ponownie. (Kod 400019 · identyfikator korelacji corr-1 · identyfikator żądania req-1)',
    );
  });

  it('falls back to the HTTP status, then the transport error in words, when there is no code', () => {
    expect(formatErrorForUser(mapped(429, { statusCode: 429, message: 'x' }), 'en-US')).toContain('(HTTP 429 · correlation id corr-1 · request id req-1)');
    const network = new PartnerCenterError({ ...identity, kind: 'network', description: 'fetch failed' });
    expect(formatErrorForUser(network, 'pl')).toBe(
      'Bot nie może połączyć się z Centrum partnerskim. Spróbuj ponownie za kilka minut. (Brak odpowiedzi z Centrum partnerskiego (fetch failed) · identyfikator korelacji corr-1 · identyfikator żądania req-1)',
    );
  });

  it('never shows a stack trace or internal message', () => {
    const text = formatErrorForUser(new Error('db password=hunter2 at line 3'), 'en-US');
    expect(text).toBe('Partner Center could not complete the request.');
  });
});

describe('errorLogFields', () => {
  it('carries everything support needs', () => {
    expect(errorLogFields(mapped(403, { code: 13605, description: 'MCA' }))).toMatchObject({
      kind: 'business',
      httpStatus: 403,
      code: 13605,
      description: 'MCA',
      requestId: 'req-1',
      correlationId: 'corr-1',
      method: 'POST',
      path: identity.path,
      attempts: 1,
      err: { name: 'PartnerCenterError' },
    });
  });

  it('handles things that are not errors', () => {
    expect(errorLogFields('boom')).toEqual({ err: { name: 'NonError', message: 'boom' } });
  });
});

describe('lineErrorMessageKey', () => {
  it.each([10001, 400039, 900270, 900275, 10010, 10012, 10014, 10015, 10017, 400041])('has a message for %s', (code) => {
    expect(lineErrorMessageKey(code)).toBe(`pc.line.${code}`);
    expect(lineErrorMessageKey(String(code))).toBe(`pc.line.${code}`);
  });

  it('falls back for unknown and missing codes', () => {
    expect(lineErrorMessageKey(424242)).toBe('pc.line.unknown');
    expect(lineErrorMessageKey(undefined)).toBe('pc.line.unknown');
    expect(lineErrorMessageKey(null)).toBe('pc.line.unknown');
  });
});

describe('catalogs', () => {
  it('translate every message into Polish', () => {
    for (const key of Object.keys(partnerCenterErrorsEnUS) as (keyof typeof partnerCenterErrorsEnUS)[]) {
      const polish = partnerCenterErrorsPlPL[key];
      expect(polish.trim()).not.toBe('');
      if (key !== 'pc.format') expect(polish).not.toBe(partnerCenterErrorsEnUS[key]);
    }
  });
});
