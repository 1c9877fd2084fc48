import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AppCredentials, AuthenticationConstants, ClaimsIdentity, ServiceClientCredentialsFactory, type AuthenticatorResult,
  type ServiceClientCredentials,
} from 'botframework-connector';
import { ReusedConnectorClients } from '../../../src/teams/reused-connector-clients';

const TEAMS_AMER = 'https://smba.trafficmanager.net/amer/';
const TEAMS_EMEA = 'https://smba.trafficmanager.net/emea/';

function activityFrom(serviceUrl: string): Activity {
  return {
    type: 'message', id: 'a1', channelId: 'msteams', serviceUrl, text: 'hi',
    from: { id: '29:rep', name: 'Rep' }, recipient: { id: '28:bot', name: 'Bot' },
    conversation: { id: 'c1', name: 'chat', isGroup: false, conversationType: 'personal' },
  } as Activity;
}

describe('ReusedConnectorClients, local mode (no app id)', () => {
  const auth = () => new ReusedConnectorClients(new ConfigurationBotFrameworkAuthentication({}));

  it('gives every incoming activity from one service URL the same connector client', async () => {
    const reused = auth();
    const first = await reused.authenticateRequest(activityFrom(TEAMS_AMER), '');
    const second = await reused.authenticateRequest(activityFrom(TEAMS_AMER), '');
    const [a, b] = await Promise.all([
      first.connectorFactory?.create(TEAMS_AMER, first.audience),
      second.connectorFactory?.create(TEAMS_AMER, second.audience),
    ]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    // A proactive turn (createConnectorFactory) reaches the same client.
    expect(await reused.createConnectorFactory(first.claimsIdentity).create(TEAMS_AMER, first.audience)).toBe(a);
  });

  it('builds a separate client for another service URL, and for another audience', async () => {
    const reused = auth();
    const { connectorFactory, audience } = await reused.authenticateRequest(activityFrom(TEAMS_AMER), '');
    const amer = await connectorFactory?.create(TEAMS_AMER, audience);
    const emea = await connectorFactory?.create(TEAMS_EMEA, audience);
    expect(emea).not.toBe(amer);
    expect(emea?.conversations).toBeDefined();
    expect(await connectorFactory?.create(TEAMS_AMER, 'https://api.botframework.us')).not.toBe(amer);
  });

  it('keeps clients per adapter: another ReusedConnectorClients builds its own', async () => {
    const one = await auth().createConnectorFactory(new ClaimsIdentity([])).create(TEAMS_AMER);
    const other = await auth().createConnectorFactory(new ClaimsIdentity([])).create(TEAMS_AMER);
    expect(other).not.toBe(one);
  });

  it('reuses the user-token client too', async () => {
    const reused = auth();
    const claims = new ClaimsIdentity([]);
    expect(await reused.createUserTokenClient(claims)).toBe(await reused.createUserTokenClient(claims));
  });
});

/**
 * Tokens issued one after another, `token-1`, `token-2`…, each valid for the next lifetime in the list.
 * `refreshToken` is the hook AppCredentials leaves to its subclasses (MicrosoftAppCredentials asks Entra ID
 * through MSAL there); AppCredentials itself decides when to call it.
 */
class IssuedTokens extends AppCredentials {
  issued = 0;

  constructor(appId: string, private readonly lifetimesMs: number[]) {
    super(appId, undefined, AuthenticationConstants.ToChannelFromBotOAuthScope);
  }

  protected async refreshToken(): Promise<AuthenticatorResult> {
    const lifetimeMs = this.lifetimesMs[this.issued] ?? 0;
    this.issued += 1;
    return { accessToken: `token-${this.issued}`, expiresOn: new Date(Date.now() + lifetimeMs) };
  }
}

class OneCredentialFactory extends ServiceClientCredentialsFactory {
  constructor(private readonly credentials: IssuedTokens) {
    super();
  }

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.credentials.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(): Promise<ServiceClientCredentials> {
    return this.credentials;
  }
}

describe('ReusedConnectorClients with an app id', () => {
  let server: Server;
  let serviceUrl: string;
  const authorizations: (string | undefined)[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      authorizations.push(request.headers.authorization);
      request.resume();
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ id: 'sent' }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serviceUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('signs each request through the reused client with a current token, fetching a new one when it expires', async () => {
    // botbuilder keeps tokens per app id and scope, process-wide: an app id of this test alone.
    const appId = 'b6f5c1d2-0a4e-4f3b-9c8d-7e6f5a4b3c21';
    const fiveMinutes = 5 * 60_000;
    // The first token is inside botbuilder's five-minute margin, so the next request must fetch another.
    const credentials = new IssuedTokens(appId, [fiveMinutes, 60 * 60_000]);
    const reused = new ReusedConnectorClients(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: appId }, new OneCredentialFactory(credentials)));
    const claims = new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

    const clients = [];
    for (let turn = 1; turn <= 3; turn += 1) {
      const client = await reused.createConnectorFactory(claims).create(serviceUrl);
      await client.conversations.sendToConversation('c1', { type: 'message', text: `turn ${turn}` });
      clients.push(client);
    }

    expect(new Set(clients).size).toBe(1);
    expect(authorizations).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-2']);
    expect(credentials.issued).toBe(2);
  });
});
