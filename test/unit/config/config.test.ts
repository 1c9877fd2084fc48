import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../../src/config';
import { isEntraObjectId } from '../../../src/flows/access/access-rules';
import { PLAYGROUND_TENANT_ID } from '../../../src/playground';

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

  it('refuses production without a bot app id (that would accept unauthenticated requests) or a real Partner Center', () => {
    expect(problemsOf({ NODE_ENV: 'production' })).toEqual([
      expect.stringMatching(/^MicrosoftAppId: required when NODE_ENV=production/),
      expect.stringMatching(/^PARTNER_CENTER_BASE_URL: required when NODE_ENV=production \(the embedded sandbox is for local use only/),
    ]);
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

describe('unsafe configurations are refused, naming the variable to fix', () => {
  const APP = { MicrosoftAppId: '6d1b4f0e-2a37-4c4e-9d5b-0f6b8c3e7a21', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: '0f6b8c3e-2a37-4c4e-9d5b-6d1b4f0e7a21' };
  const LIVE = { PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com', PARTNER_CENTER_TENANT_ID: 't', PARTNER_CENTER_CLIENT_ID: 'c', PARTNER_CENTER_CLIENT_SECRET: 's' };

  it('binds local mode to loopback by default', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
  });

  it('listens on every interface with an app id (Azure Bot Service reaches it from outside)', () => {
    expect(loadConfig({ ...APP, ...LIVE, NODE_ENV: 'production' }).host).toBeUndefined();
  });

  it.each([['0.0.0.0'], ['192.168.1.20'], ['::'], ['cart.contoso.com']])('refuses authentication off on HOST=%s', (host) => {
    const problems = problemsOf({ HOST: host });
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^MicrosoftAppId: required when listening on HOST=${host.replace(/\./g, '\\.')}, which is not loopback`)));
    expect(problems).toContainEqual(expect.stringMatching(/^PARTNER_CENTER_BASE_URL: required when listening on HOST=.*which is not loopback \(the embedded sandbox is for local use only/));
  });

  it.each([['127.0.0.1'], ['127.0.0.2'], ['::1'], ['localhost'], ['[::1]']])('accepts authentication off and the sandbox on loopback HOST=%s', (host) => {
    expect(problemsOf({ HOST: host })).toEqual([]);
  });

  it('refuses an app id on every interface without a real Partner Center', () => {
    expect(problemsOf(APP)).toEqual([expect.stringMatching(/^PARTNER_CENTER_BASE_URL: required when listening on every interface/)]);
  });

  it('refuses NODE_ENV=production with the embedded sandbox even on loopback', () => {
    expect(problemsOf({ ...APP, NODE_ENV: 'production', HOST: '127.0.0.1' })).toEqual([
      expect.stringMatching(/^PARTNER_CENTER_BASE_URL: required when NODE_ENV=production/),
    ]);
  });

  it('makes SingleTenant the default app type, which needs MicrosoftAppTenantId', () => {
    const { MicrosoftAppTenantId: _tenant, ...withoutTenant } = APP;
    expect(problemsOf({ ...withoutTenant, ...LIVE })).toContainEqual(expect.stringMatching(/^MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant \(the default/));
    expect(loadConfig({ ...APP, ...LIVE }).botEnvironment.MicrosoftAppType).toBe('SingleTenant');
  });

  it('lets in the bot\'s own tenant by default, or the tenants ALLOWED_TENANT_IDS lists', () => {
    expect(loadConfig({ ...APP, ...LIVE }).access).toEqual({ allowedTenantIds: [APP.MicrosoftAppTenantId], repIds: undefined });
    expect(loadConfig({ ...APP, ...LIVE, ALLOWED_TENANT_IDS: 'a, b' }).access.allowedTenantIds).toEqual(['a', 'b']);
  });

  it('lets in the Agents Playground\'s tenant in local mode, as its configuration file names it', () => {
    expect(loadConfig({}).access.allowedTenantIds).toEqual([PLAYGROUND_TENANT_ID]);
    const playgroundConfig = readFileSync(path.join(__dirname, '..', '..', '..', 'playground', 'agents-playground.yml'), 'utf8');
    expect(playgroundConfig).toContain(`tenantId: ${PLAYGROUND_TENANT_ID}\n`);
    // Every person the Playground plays has an Entra object id the access gate accepts.
    for (const [, id] of playgroundConfig.matchAll(/aadObjectId: (\S+)/g)) expect(isEntraObjectId(id!)).toBe(true);
  });

  it('refuses a multi-tenant bot without ALLOWED_TENANT_IDS (every tenant could buy)', () => {
    const { MicrosoftAppTenantId: _tenant, ...withoutTenant } = APP;
    expect(problemsOf({ ...withoutTenant, ...LIVE, MicrosoftAppType: 'MultiTenant' })).toEqual([
      expect.stringMatching(/^ALLOWED_TENANT_IDS: required when MicrosoftAppTenantId is empty/),
    ]);
  });

  it('reads REP_IDS as Entra object ids', () => {
    expect(problemsOf({ REP_IDS: 'rita' }).join('\n')).toMatch(/REP_IDS\.0: expected a GUID/);
    expect(loadConfig({ REP_IDS: '11111111-1111-4111-8111-111111111111' }).access.repIds).toEqual(['11111111-1111-4111-8111-111111111111']);
  });
});
