import { ConfigError, loadConfig } from '../../../src/config';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it('starts in local mode with the embedded sandbox and store when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ localMode: true, port: 3978, partnerCenter: { mode: 'sandbox' }, storage: { kind: 'embedded', dataDir: './data' }, playground: true });
  });

  it('names every bad variable and what it expects', () => {
    const problems = problemsOf({ PORT: 'abc', APPROVER_IDS: 'not-a-guid', APPROVAL_THRESHOLD: 'lots', PARTNER_CENTER_BASE_URL: 'nope' });
    expect(problems.join('\n')).toMatch(/PORT: expected a port number/);
    expect(problems.join('\n')).toMatch(/APPROVER_IDS\.0: expected a GUID/);
    expect(problems.join('\n')).toMatch(/APPROVAL_THRESHOLD: expected an amount/);
    expect(problems.join('\n')).toMatch(/PARTNER_CENTER_BASE_URL: expected a URL/);
  });

  it('waits 20 s for running work on SIGTERM unless SHUTDOWN_TIMEOUT_SECONDS says otherwise', () => {
    expect(loadConfig({}).shutdownTimeoutMs).toBe(20_000);
    expect(loadConfig({ SHUTDOWN_TIMEOUT_SECONDS: '7.5' }).shutdownTimeoutMs).toBe(7_500);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_SECONDS: 'soon' })).toEqual([expect.stringMatching(/^SHUTDOWN_TIMEOUT_SECONDS: expected seconds/)]);
    expect(problemsOf({ SHUTDOWN_TIMEOUT_SECONDS: '-1' })).toEqual([expect.stringMatching(/^SHUTDOWN_TIMEOUT_SECONDS:/)]);
  });

  it('refuses an approval threshold without approvers (every purchase above it would wait forever)', () => {
    expect(problemsOf({ APPROVAL_THRESHOLD: '1000' }).join('\n')).toMatch(/APPROVER_IDS: required when APPROVAL_THRESHOLD is set/);
    expect(problemsOf({ APPROVAL_THRESHOLD: '1000', APPROVER_IDS: '66666666-6666-4666-8666-666666666666' })).toEqual([]);
  });

  it('refuses production without a bot app id (that would accept unauthenticated requests)', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([expect.stringMatching(/^MicrosoftAppId: required when NODE_ENV=production/)]);
  });

  it('requires Partner Center credentials with a live base URL, and strips a trailing /v1', () => {
    expect(problemsOf({ PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com' })).toHaveLength(3);
    const config = loadConfig({
      PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com/v1/',
      PARTNER_CENTER_TENANT_ID: 't', PARTNER_CENTER_CLIENT_ID: 'c', PARTNER_CENTER_CLIENT_SECRET: 's',
    });
    expect(config.partnerCenter).toMatchObject({ mode: 'live', baseUrl: 'https://api.partnercenter.microsoft.com', scope: 'https://api.partnercenter.microsoft.com/.default' });
  });

  it('chooses App+User when a refresh token file is configured, with the delegated scope', () => {
    const live = { PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com', PARTNER_CENTER_TENANT_ID: 't', PARTNER_CENTER_CLIENT_ID: 'c', PARTNER_CENTER_CLIENT_SECRET: 's' };
    expect(loadConfig(live).partnerCenter).toMatchObject({ auth: { kind: 'app-only' }, credential: { kind: 'secret' } });
    expect(loadConfig({ ...live, PARTNER_CENTER_REFRESH_TOKEN_FILE: '/run/secrets/pc-refresh-token' }).partnerCenter).toMatchObject({
      auth: { kind: 'app+user', refreshTokenFile: '/run/secrets/pc-refresh-token' },
      scope: 'https://api.partnercenter.microsoft.com/user_impersonation',
    });
  });

  it('refuses Partner Center credentials without a base URL instead of quietly using the sandbox', () => {
    expect(problemsOf({ PARTNER_CENTER_CLIENT_ID: 'c', PARTNER_CENTER_REFRESH_TOKEN_FILE: '/x' })).toEqual([
      expect.stringMatching(/^PARTNER_CENTER_BASE_URL: required when PARTNER_CENTER_CLIENT_ID, PARTNER_CENTER_REFRESH_TOKEN_FILE are set/),
    ]);
  });

  it('keeps secrets out of the error text', () => {
    const problems = problemsOf({ PARTNER_CENTER_BASE_URL: 'https://x.example', PARTNER_CENTER_CLIENT_SECRET: 'hunter2-secret' });
    expect(problems.join('\n')).not.toContain('hunter2-secret');
  });
});
