import { formatErrorForUser, lineErrorText } from '../../../src/partner-center';
import { PartnerCenterError } from '../../../src/partner-center/errors';
import { partnerCenterWords } from '../../../src/partner-center/error-reporting';

const identity = { method: 'POST', path: '/v1/customers/c/carts/x/checkout', requestId: 'req-1', correlationId: 'corr-1' };
const business = (code: number, description: string) =>
  new PartnerCenterError({ ...identity, kind: 'business', httpStatus: 400, code, description });

describe('Partner Center’s own words for codes the bot has no text for', () => {
  it('shows the description with the code, correlation id and request id, in the user’s language around it', () => {
    const error = business(4018, 'Unable to process this order');
    expect(formatErrorForUser(error, 'en-US')).toBe('Partner Center says: “Unable to process this order” (Code 4018 · correlation id corr-1 · request id req-1)');
    expect(formatErrorForUser(error, 'pl-PL')).toBe('Centrum partnerskie odpowiada: „Unable to process this order” (Kod 4018 · identyfikator korelacji corr-1 · identyfikator żądania req-1)');
  });

  it('keeps the bot’s own text for the codes it knows', () => {
    expect(formatErrorForUser(business(900206, 'Partner Attestation is missing'), 'en-US')).not.toContain('Partner Center says');
  });

  it('falls back to the generic sentence when Partner Center gave no description', () => {
    expect(formatErrorForUser(business(4018, '  '), 'en-US')).toBe('Partner Center could not complete the request. (Code 4018 · correlation id corr-1 · request id req-1)');
  });

  it('a cart line error without a text of its own shows errorDescription', () => {
    expect(lineErrorText('en-US', { errorCode: 10019, errorDescription: 'Minimum add-on seats not met.' })).toBe('Partner Center says: “Minimum add-on seats not met.”');
    expect(lineErrorText('en-US', { errorCode: 400041, errorDescription: 'whatever' })).not.toContain('whatever');
    expect(lineErrorText('en-US', { errorCode: 10019 })).toBe('This item cannot be bought as entered.');
  });

  it('puts untrusted text on one line, without link brackets, at most 300 characters', () => {
    expect(partnerCenterWords('Click [here](https://evil.example)\nnow\u0007')).toBe('Click here(https://evil.example) now');
    expect(partnerCenterWords('x'.repeat(1024))).toHaveLength(300);
    expect(partnerCenterWords(undefined)).toBeUndefined();
  });
});
