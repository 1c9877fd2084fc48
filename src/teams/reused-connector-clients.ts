import type { Activity } from 'botbuilder';
import {
  AuthenticationConstants, BotFrameworkAuthentication, ConnectorFactory, type AuthenticateRequestResult, type BotFrameworkClient,
  type ClaimsIdentity, type ConnectorClient, type UserTokenClient,
} from 'botframework-connector';
import { TtlCache } from '../ttl-cache';

/**
 * Teams reaches a bot from a handful of regional service URLs, and the bot has one app id: a few clients
 * serve every conversation. An hour bounds how long an unused one is kept.
 */
const CLIENTS_KEPT = { maxEntries: 64, ttlMs: 60 * 60_000 };

/**
 * botbuilder's BotFrameworkAuthentication, except that connector and user-token clients are built once per
 * service URL, audience and app id instead of for every incoming activity (each is an @azure/core-client
 * ServiceClient with its whole request pipeline). Sharing one is safe: a client holds no per-turn state,
 * and its credentials sign every request with `getToken()`, which returns the token botbuilder caches per
 * app id and scope while it is valid and fetches a new one five minutes before it expires.
 */
export class ReusedConnectorClients extends BotFrameworkAuthentication {
  private readonly connectorClients = new TtlCache<Promise<ConnectorClient>>(CLIENTS_KEPT);
  private readonly userTokenClients = new TtlCache<Promise<UserTokenClient>>(CLIENTS_KEPT);

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await this.inner.authenticateRequest(activity, authHeader);
    const { connectorFactory } = result;
    return connectorFactory ? { ...result, connectorFactory: this.reusing(result.claimsIdentity, connectorFactory) } : result;
  }

  authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reusing(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remembered(this.userTokenClients, appIdOf(claimsIdentity), () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  private reusing(claimsIdentity: ClaimsIdentity, factory: ConnectorFactory): ConnectorFactory {
    return new ReusingConnectorFactory(factory, appIdOf(claimsIdentity), this.connectorClients);
  }
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly appId: string,
    private readonly clients: TtlCache<Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return remembered(this.clients, JSON.stringify([this.appId, serviceUrl, audience ?? '']), () => this.inner.create(serviceUrl, audience));
  }
}

/** The app id botbuilder builds a turn's clients for: the token's audience, else its appid claim (the Emulator's). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

/** Concurrent first turns share one build; a failed build is not kept, so the next turn tries again. */
function remembered<T>(cache: TtlCache<Promise<T>>, key: string, build: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  const building = build();
  cache.set(key, building);
  building.catch(() => {
    if (cache.get(key) === building) cache.delete(key);
  });
  return building;
}
