import { startSandbox, type SandboxOptions } from '../../../src/sandbox';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import { createRefreshTokenProvider } from '../../../src/partner-center/auth';
import { networkClientTrusting } from '../../../src/partner-center/tls-network-client';
import { createPartnerCenterClient, type PartnerCenterClientOptions } from '../../../src/partner-center/client';
import type { CallContext, PartnerCenterClient } from '../../../src/partner-center/operations';
import { CONTOSO_E3_SUBSCRIPTION_ID } from '../../../src/sandbox/data/seed-ids';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** Ids from the seeds and the API reference, which the sandbox serves. */
export const BUSINESS_BASIC = { productId: 'CFQ7TTC0LH18', skuId: '0001', availabilityId: 'CFQ7TTC0K971' };
export const BUSINESS_BASIC_ITEM = 'CFQ7TTC0LH18:0001:CFQ7TTC0K971';
/** New-PartnerCustomerOrder example 2: Contoso's Office 365 E3 subscription and its order. */
export const CONTOSO_E3 = { subscriptionId: CONTOSO_E3_SUBSCRIPTION_ID, offerId: '796B6B5F-613C-4E24-A17C-EBA730D49C02' };

export const ctx: CallContext = { correlationId: 'aaaa0000-bb11-2222-33cc-444444dddddd', locale: 'en-US' };

export interface Harness {
  sandbox: Sandbox;
  client: PartnerCenterClient;
  /** Waits the client asked for (Retry-After, backoff); none of them really happen. */
  sleeps: number[];
  close(): Promise<void>;
}

export async function startHarness(options: Partial<PartnerCenterClientOptions> = {}, sandboxOptions: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ port: 0, provisioningDelayMs: 0, ...sandboxOptions });
  const sleeps: number[] = [];
  let now = Date.now();
  const client = createPartnerCenterClient({
    baseUrl: sandbox.baseUrl,
    tokenProvider: sandboxTokenProvider(sandbox),
    runtime: {
      now: () => now,
      sleep: async (ms) => {
        sleeps.push(ms);
        now += ms;
      },
      random: () => 0.5,
    },
    ...options,
  });
  return { sandbox, client, sleeps, close: () => sandbox.close() };
}

/** A client signed in as the sandbox's partner user (App+User), as provisioning-status reads require. */
export function appPlusUserClient(sandbox: Sandbox): PartnerCenterClient {
  const tokenProvider = createRefreshTokenProvider({
    tenantId: sandbox.credentials.tenantId,
    clientId: sandbox.credentials.clientId,
    credential: { clientSecret: sandbox.credentials.clientSecret },
    authorityHost: sandbox.authorityHost,
    networkClient: networkClientTrusting(sandbox.tlsCertificate),
    refreshToken: sandbox.credentials.refreshToken,
  });
  return createPartnerCenterClient({ baseUrl: sandbox.baseUrl, tokenProvider });
}

/** The /v1 calls the sandbox recorded, without query strings, as "METHOD path". */
export function recordedCalls(sandbox: Sandbox): string[] {
  return sandbox.requests.map((request) => `${request.method} ${request.path}`);
}
