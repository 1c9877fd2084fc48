import { createLogger } from '../../../src/logger';
import { CapturedOutput } from './captured-output';

describe('the logger blanks credentials that reach a log object by mistake', () => {
  it.each([
    ['an Authorization header', { headers: { authorization: 'Bearer eyJ-header-token' } }, 'eyJ-header-token'],
    ['an Authorization header inside an error\'s request', { err: { request: { headers: { Authorization: 'Bearer eyJ-deep-token' } } } }, 'eyJ-deep-token'],
    ['an Entra token response', { response: { body: { access_token: 'at-secret-1', refresh_token: 'rt-secret-1' } } }, 'rt-secret-1'],
    ['a client secret in msal settings', { auth: { clientSecret: 'cs-secret-1' } }, 'cs-secret-1'],
    ['the bot password in its environment', { botEnvironment: { MicrosoftAppPassword: 'bot-secret-1' } }, 'bot-secret-1'],
    ['a storage connection string', { storage: { connectionString: 'AccountKey=key-secret-1' } }, 'key-secret-1'],
  ])('blanks %s', (_name, logged, secret) => {
    const output = new CapturedOutput();
    createLogger('info', output.stream).warn(logged, 'something failed');
    expect(output.logLines).toHaveLength(1);
    expect(output.logLines[0]).toContain('[redacted]');
    expect(output.logLines[0]).not.toContain(secret);
  });

  it('keeps the fields that explain a failure', () => {
    const output = new CapturedOutput();
    createLogger('info', output.stream).warn({ failure: { code: 800002, correlationId: 'c-1', requestId: 'r-1' } }, 'checkout failed');
    expect(JSON.parse(output.logLines[0])).toMatchObject({ failure: { code: 800002, correlationId: 'c-1', requestId: 'r-1' }, msg: 'checkout failed' });
  });
});
