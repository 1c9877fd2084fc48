import { createHmac } from 'node:crypto';
import { startApp, type RunningApp } from '../../../src/app';
import { loadConfig, type Config } from '../../../src/config';
import { createLogger } from '../../../src/logger';
import { createClientCredentialsTokenProvider, createRefreshTokenProvider, type AccessTokenProvider } from '../../../src/partner-center';
import { networkClientTrusting } from '../../../src/partner-center/tls-network-client';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import type { VersionedStorage } from '../../../src/store/storage';
import { DEV_ACCOUNT_KEY, startAzurite, type RunningAzurite } from '../../store/azurite';
import { FakeConnector } from '../harness/fake-connector';
import { TeamsClient, type TeamsConversation, type TeamsUser } from '../harness/teams-client';
import type { BotUnderTest } from '../harness/bot-under-test';
import { text } from '../bot/card-helpers';
import { LOCAL_TEST_ENVIRONMENT } from '../harness/local-environment';
import { CartDriver } from '../hostile/cart-driver';
import { CapturedOutput } from './captured-output';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const PARTNER_TENANT = '7b1c3f52-0d4e-4a7b-9c1e-5f2a6d8e9b10';
const BOT_APP_ID = '6d1b4f0e-2a37-4c4e-9d5b-0f6b8c3e7a21';

/** Known values for every secret the bot is configured with, so the output can be searched for them. */
const SECRETS = {
  MicrosoftAppPassword: 'bot-app-password-Qe7Lw2-never-log-me',
  PARTNER_CENTER_CLIENT_SECRET: 'pc-client-secret-Hn4Vx8-never-log-me',
  refreshToken: 'pc-refresh-token-Jd2Ks9-never-log-me',
  storageAccountKey: DEV_ACCOUNT_KEY,
};

function forgedBotToken(): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ iss: 'https://sts.evil.example/', aud: BOT_APP_ID, exp: Math.floor(Date.now() / 1000) + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', 'forged').update(unsigned).digest('base64url')}`;
}

describe('secrets never reach the logs', () => {
  const output = new CapturedOutput();
  let azurite: RunningAzurite;
  let sandbox: RunningSandbox;
  let connector: FakeConnector;
  let storage: VersionedStorage;
  const apps: RunningApp[] = [];
  const seenTokens: Record<string, string> = {};

  async function bot(config: Config, tokenProvider: AccessTokenProvider): Promise<BotUnderTest> {
    const app = await startApp({ config, storage, partnerCenterBaseUrl: sandbox.baseUrl, tokenProvider, log: createLogger('trace', output.stream), host: '127.0.0.1' }, 0);
    apps.push(app);
    const teams = new TeamsClient(`http://127.0.0.1:${app.port}/api/messages`, connector.serviceUrl);
    return { app, sandbox, connector, teams, storage, stop: async () => app.close() };
  }

  beforeAll(async () => {
    output.captureConsole();
    // The sandbox's Entra ID knows the app and its secret; its consent refresh token is not the one the
    // bot holds, so the App+User bot below is refused as after a revoked consent (AADSTS70000).
    const credentials = { tenantId: PARTNER_TENANT, clientId: 'partner-cart-app', clientSecret: SECRETS.PARTNER_CENTER_CLIENT_SECRET, refreshToken: 'another-consent' };
    [azurite, sandbox] = await Promise.all([startAzurite(), startSandbox({ port: 0, credentials })]);
    connector = new FakeConnector();
    await connector.start();
  }, 30_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await Promise.all([azurite?.stop(), sandbox?.close(), connector?.stop()]);
    output.release();
  });

  it('buys a whole cart, fails at checkout and at sign-in, and refuses forged Teams tokens without logging a secret', async () => {
    const config = loadConfig({
      ...LOCAL_TEST_ENVIRONMENT,
      LOG_LEVEL: 'trace',
      MicrosoftAppPassword: SECRETS.MicrosoftAppPassword,
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'secrets-test',
      PARTNER_CENTER_BASE_URL: sandbox.baseUrl,
      PARTNER_CENTER_TENANT_ID: PARTNER_TENANT,
      PARTNER_CENTER_CLIENT_ID: 'partner-cart-app',
      PARTNER_CENTER_CLIENT_SECRET: SECRETS.PARTNER_CENTER_CLIENT_SECRET,
      PARTNER_CENTER_AUTHORITY: sandbox.authorityHost,
    });
    storage = await createStorage(config.storage);
    expect(storage.describe()).not.toContain(SECRETS.storageAccountKey);
    const pc = config.partnerCenter;
    if (pc.mode !== 'live' || pc.credential.kind !== 'secret') throw new Error('expected live Partner Center with a client secret');
    const clientSecret = pc.credential.secret;
    const networkClient = networkClientTrusting(sandbox.tlsCertificate);
    const appOnly = createClientCredentialsTokenProvider({
      tenantId: pc.tenantId, clientId: pc.clientId, credential: { clientSecret }, scope: pc.scope, authorityHost: pc.authorityHost, networkClient,
    });
    const local = await bot(config, appOnly);

    // A whole purchase, with the app-only token on every Partner Center call.
    const chat: TeamsConversation = { id: 'a:secrets-purchase', conversationType: 'personal' };
    const buyer = new CartDriver(local, rep, chat);
    await buyer.toDraftWithOneLine();
    await buyer.click('cart.review');
    expect(text(await buyer.click('cart.placeOrder', { attestPartnerOfRecord: 'true' }))).toContain('Order placed for Contoso Ltd');

    // Partner Center refuses a checkout (a business error with its own description and correlation id).
    const failing: TeamsConversation = { id: 'a:secrets-failing-checkout', conversationType: 'personal' };
    const unlucky = new CartDriver(local, rep, failing);
    await unlucky.toDraftWithOneLine();
    await unlucky.click('cart.review');
    sandbox.knobs.set({ businessFault: { code: 800002, status: 400, description: 'The cart could not be checked out.', on: 'checkout' } });
    expect(text(await unlucky.click('cart.placeOrder', { attestPartnerOfRecord: 'true' }))).toContain('Order not placed');
    sandbox.knobs.reset();

    // Entra ID refuses the stored refresh token (App+User): the first Partner Center call fails with an auth error.
    const delegated = createRefreshTokenProvider({
      tenantId: pc.tenantId, clientId: pc.clientId, credential: { clientSecret }, refreshToken: SECRETS.refreshToken,
      authorityHost: pc.authorityHost, networkClient,
    });
    const revoked = await bot(config, delegated);
    const denied = new CartDriver(revoked, rep, { id: 'a:secrets-revoked', conversationType: 'personal' });
    await denied.start();
    expect(text(await denied.click('cart.searchCustomer', { query: 'Contoso' }))).toContain('Something went wrong');

    // A production bot (app id + password) refuses forged Teams tokens.
    const production = await bot(
      loadConfig({ ...LOCAL_TEST_ENVIRONMENT, LOG_LEVEL: 'trace', MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: SECRETS.MicrosoftAppPassword, MicrosoftAppType: 'MultiTenant' }),
      appOnly,
    );
    const forged = forgedBotToken();
    seenTokens.forgedTeamsToken = forged;
    for (const authorization of [`Bearer ${forged}`, 'Bearer garbage-bearer-token-never-log-me']) {
      expect((await production.teams.send(rep, chat, { type: 'message', text: 'new cart' }, { Authorization: authorization })).status).toBe(401);
    }
    seenTokens.garbageTeamsToken = 'garbage-bearer-token-never-log-me';

    const bearers = sandbox.requests.map((r) => r.headers.authorization ?? '').filter((h) => h.startsWith('Bearer '));
    expect(bearers.length).toBeGreaterThan(5);
    for (const [index, bearer] of [...new Set(bearers)].entries()) seenTokens[`partnerCenterBearer${index}`] = bearer.slice('Bearer '.length);

    await Promise.all(apps.map((app) => app.background.idle()));
    // The logs did record all of it: calls, the checkout failure, the refused sign-in and the refused tokens.
    expect(output.logLines.some((line) => line.includes('partner center call'))).toBe(true);
    expect(output.text()).toMatch(/800002/);
    expect(output.text()).toMatch(/failed: auth/);
    expect(output.consoleLines.some((line) => line.includes('AuthenticationError'))).toBe(true);

    const secrets = { ...SECRETS, connectionString: azurite.connectionString, ...seenTokens };
    expect(output.leaks(secrets)).toEqual([]);

    const sentToTeams = JSON.stringify(connector.calls);
    expect(Object.entries(secrets).filter(([, value]) => sentToTeams.includes(value)).map(([name]) => name)).toEqual([]);
    const audit = JSON.stringify(await local.app.audit.listAll());
    expect(Object.entries(secrets).filter(([, value]) => audit.includes(value)).map(([name]) => name)).toEqual([]);
  }, 30_000);
});
