import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AccessTokens } from './auth/access-tokens';
import { authenticate } from './auth/bearer-check';
import { generatedCredentials, type SandboxCredentials } from './auth/credentials';
import { serveEntra } from './auth/entra-listener';
import { isEntraPath, type EntraDeps } from './auth/entra-routes';
import { RefreshTokens } from './auth/refresh-tokens';
import { SANDBOX_PARTNER_USER } from './auth/sandbox-user';
import { Catalog } from './catalog';
import { SandboxClock } from './clock';
import type { SandboxContext } from './context';
import { seedPurchases } from './data/seed-purchases';
import { expireRefundableSeats } from './seat-batches';
import { cartRoutes } from './handlers/carts';
import { catalogRoutes } from './handlers/catalog';
import { checkoutRoutes } from './handlers/checkout';
import { controlRoutes } from './handlers/control';
import { customerRoutes } from './handlers/customers';
import { orderRoutes } from './handlers/orders';
import { subscriptionRoutes } from './handlers/subscriptions';
import { RequestArrivals } from './http/arrivals';
import { dualProtocolServer } from './http/dual-protocol';
import { createRequestListener } from './http/pipeline';
import type { RecordedRequest } from './http/recorded-request';
import { RequestRecord } from './http/request-record';
import { Router } from './http/router';
import { SandboxKnobs } from './knobs';
import { provisionDueOrders } from './provisioning';
import { SandboxStore } from './store';
import { createTlsCertificate } from './tls-certificate';
import { loadOrCreateSecrets } from './durable/secrets-file';
import { loadState, serializeState, writeState } from './durable/state-file';
import { StateWriter } from './durable/state-writer';

export { SHARED_SANDBOX_CREDENTIALS, type SandboxCredentials } from './auth/credentials';
export type { RecordedRequest } from './http/recorded-request';
export type { KnobSettingsInput } from './knob-settings';

export interface SandboxOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1: the sandbox is never reachable from other machines. */
  host?: string;
  now?: () => Date;
  /** How long orders stay `pending` before subscriptions exist. Default 60000. */
  provisioningDelayMs?: number;
  /** The app registration and consent its Entra ID accepts. Default: generated, known only to this process. */
  credentials?: SandboxCredentials;
  /**
   * A folder for the sandbox's state (carts, orders, subscriptions, issued refresh tokens), its certificate
   * and its token-signing key: given, everything survives a restart. Default: nothing is kept.
   */
  dataDir?: string;
  /** How many of the newest /v1 calls `requests` keeps. Default 10,000. */
  recordedRequests?: number;
}

export interface RunningSandbox {
  /** http://127.0.0.1:PORT, without /v1 (like PARTNER_CENTER_BASE_URL). */
  baseUrl: string;
  /** https://127.0.0.1:PORT: the Entra ID host for msal-node (PARTNER_CENTER_AUTHORITY). */
  authorityHost: string;
  credentials: SandboxCredentials;
  /** PEM of the self-signed certificate the https side presents; trust it to reach authorityHost. */
  tlsCertificate: string;
  /** A valid access token, minted directly: for tests and tools that call /v1 without msal. */
  issueToken(kind?: 'app-only' | 'app+user'): string;
  knobs: SandboxKnobs;
  /** The newest /v1 calls, oldest first (at most `recordedRequests` of them). */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

const DEFAULT_PROVISIONING_DELAY_MS = 60_000;
/** Enough for any test or bench stage to look back over; bounded for the sandbox `npm start` keeps running. */
const DEFAULT_RECORDED_REQUESTS = 10_000;

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const clock = new SandboxClock(options.now ?? (() => new Date()));
  const credentials = options.credentials ?? generatedCredentials();
  const { dataDir } = options;
  const { tls, signingKey } = dataDir
    ? await loadOrCreateSecrets(dataDir, clock.now())
    : { tls: await createTlsCertificate(clock.now()), signingKey: randomBytes(32) };
  const catalog = new Catalog();
  const store = new SandboxStore();
  const saved = dataDir ? loadState(dataDir, store, catalog) : { found: false as const };
  if (!saved.found) seedPurchases(store, catalog, clock.now());
  const accessTokens = new AccessTokens(signingKey, () => clock.now());
  const refreshTokens = new RefreshTokens(new Map(saved.found ? saved.refreshTokens : []));
  refreshTokens.registerConsent(credentials.refreshToken, credentials.clientId, clock.now());
  const writer = dataDir
    ? new StateWriter({
      revision: () => store.revision(),
      serialize: () => serializeState(store, refreshTokens.entries()),
      write: (serialized) => writeState(dataDir, serialized),
    })
    : undefined;
  const persist = (mutating: boolean): Promise<void> => {
    if (!writer) return Promise.resolve();
    if (mutating) writer.markChanged();
    return writer.keep();
  };
  await persist(true);
  const entra: EntraDeps = {
    credentials, accessTokens, refreshTokens, now: () => clock.now(), changed: () => writer?.markChanged(), kept: () => persist(false),
  };
  const context: SandboxContext = {
    store,
    catalog,
    knobs: new SandboxKnobs(),
    clock,
    provisioningDelayMs: options.provisioningDelayMs ?? DEFAULT_PROVISIONING_DELAY_MS,
  };
  const requests: RecordedRequest[] = [];
  const arrivals = new RequestArrivals();
  const api = new Router([
    ...customerRoutes(context),
    ...catalogRoutes(context),
    ...cartRoutes(context),
    ...checkoutRoutes(context),
    ...orderRoutes(context),
    ...subscriptionRoutes(context),
  ]);
  const partnerCenter = createRequestListener({
    api,
    control: new Router(controlRoutes(context, requests, arrivals)),
    arrivals,
    knobs: context.knobs,
    clock,
    requests: new RequestRecord(requests, options.recordedRequests ?? DEFAULT_RECORDED_REQUESTS),
    authenticate: (authorization) => authenticate(accessTokens, authorization),
    persist,
    settle: (now) => {
      provisionDueOrders(store, catalog, now, context.provisioningDelayMs);
      expireRefundableSeats(store, now);
    },
  });
  const { server, destroyConnections } = dualProtocolServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (isEntraPath(path)) void serveEntra(entra, req, res);
    else partnerCenter(req, res);
  }, tls);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const subject = { tenantId: credentials.tenantId, clientId: credentials.clientId };
  return {
    baseUrl: `http://${host}:${port}`,
    authorityHost: `https://${host}:${port}`,
    credentials,
    tlsCertificate: tls.cert,
    issueToken: (kind = 'app-only') =>
      accessTokens.issue(kind === 'app+user' ? { ...subject, user: SANDBOX_PARTNER_USER } : subject).token,
    knobs: context.knobs,
    requests,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        destroyConnections();
      });
      await writer?.lastWrite();
    },
  };
}
