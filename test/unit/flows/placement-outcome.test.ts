import { placementOutcome } from '../../../src/flows/purchase/checkout-outcome';
import { PartnerCenterError, type PartnerCenterErrorKind } from '../../../src/partner-center';

const identity = { method: 'POST', path: '/v1/customers/c-1/carts/k-1/checkout', requestId: 'req-1', correlationId: 'corr-1' };
const failure = (kind: PartnerCenterErrorKind, httpStatus?: number, code?: number) => new PartnerCenterError({ ...identity, kind, httpStatus, code });

describe('what a failed order placement says about the order', () => {
  it.each([
    ['no connection', failure('network')],
    ['no answer in time', failure('timeout')],
    ['a 5xx', failure('transient', 503, 900192)],
    ['throttling that outlasted the retries', failure('throttled', 429)],
    ['a 2xx the bot could not read', failure('invalid_response', 201)],
    ['800060, an order in progress', failure('business', 409, 800060)],
    ['800065, a cart already submitted', failure('business', 400, 800065)],
    ['800064, a cart another request (perhaps of a process that is gone) is checking out', failure('business', 409, 800064)],
    ['an error that is not Partner Center\'s', new Error('socket hang up')],
  ])('leaves the outcome unknown after %s', (_name, error) => {
    expect(placementOutcome(error)).toBe('unknown');
  });

  it.each([
    ['a business rule (credit limit)', failure('business', 400, 900121)],
    ['a cart that is gone (800008)', failure('not_found', 404, 800008)],
    ['no permission', failure('auth', 403, 900150)],
    ['an MFA challenge', failure('mfa', 401)],
  ])('is a refusal after %s', (_name, error) => {
    expect(placementOutcome(error)).toBe('refused');
  });
});
