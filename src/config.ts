import path from 'node:path';
import { z } from 'zod';
import { amountsByCurrencySchema, type AmountsByCurrency } from './amounts-by-currency';
import { isLoopback } from './listen-address';
import { DEFAULT_APP_SCOPE, DEFAULT_USER_SCOPE } from './partner-center/auth';
import { PLAYGROUND_TENANT_ID } from './playground';

const optionalText = z
  .string()
  .transform((v) => v.trim())
  .optional()
  .transform((v) => (v ? v : undefined));

const port = (fallback: number) =>
  z.coerce.number({ error: 'expected a port number' }).int().min(1).max(65535).default(fallback);

const idList = optionalText.transform((v) =>
  v ? v.split(',').map((id) => id.trim()).filter((id) => id.length > 0) : [],
);

const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'expected a GUID');

/** Every environment variable the bot reads (README.md, "Configuration"). */
const environmentSchema = z.object({
  NODE_ENV: optionalText,
  PORT: port(3978),
  HOST: optionalText,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI', 'UserAssignedMsi']).optional(),
  MicrosoftAppTenantId: optionalText,
  PARTNER_CENTER_BASE_URL: optionalText.pipe(z.url({ error: 'expected a URL like https://api.partnercenter.microsoft.com' }).optional()),
  PARTNER_CENTER_TENANT_ID: optionalText,
  PARTNER_CENTER_CLIENT_ID: optionalText,
  PARTNER_CENTER_CLIENT_SECRET: optionalText,
  PARTNER_CENTER_CERTIFICATE_PATH: optionalText,
  PARTNER_CENTER_CERTIFICATE_PASSWORD: optionalText,
  PARTNER_CENTER_REFRESH_TOKEN_FILE: optionalText,
  PARTNER_CENTER_TOKEN_KEY: optionalText.pipe(
    z.base64({ error: 'expected 32 random bytes in base64 (openssl rand -base64 32)' })
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'expected 32 random bytes in base64 (openssl rand -base64 32)')
      .optional(),
  ),
  PARTNER_CENTER_SCOPE: optionalText,
  PARTNER_CENTER_AUTHORITY: optionalText.pipe(
    z.url({ protocol: /^https$/, error: 'expected an https URL such as https://login.microsoftonline.com (msal-node refuses http authorities)' }).optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: optionalText,
  AZURE_STORAGE_ACCOUNT_URL: optionalText.pipe(z.url({ error: 'expected the blob endpoint, like https://<account>.blob.core.windows.net' }).optional()),
  AZURE_CLIENT_ID: optionalText,
  RESULTS_CHANNEL_ID: optionalText,
  APPROVER_IDS: idList.pipe(z.array(guid)),
  ALLOWED_TENANT_IDS: idList,
  REP_IDS: idList.pipe(z.array(guid)),
  APPROVAL_THRESHOLD: optionalText.pipe(amountsByCurrencySchema.optional()),
  PURCHASE_LIMIT: optionalText.pipe(amountsByCurrencySchema.optional()),
  APPROVAL_CHANNEL_ID: optionalText,
  PLAYGROUND: z.enum(['on', 'off']).default('on'),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number({ error: 'expected seconds, such as 20' }).min(0).max(3600).default(20),
});

type Environment = z.infer<typeof environmentSchema>;

/** The names of every variable the bot reads (checked against the app settings in infra/main.bicep). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(environmentSchema.shape);

type PartnerCenterCredential = { kind: 'secret'; secret: string } | { kind: 'certificate'; path: string; password?: string };

export type PartnerCenterConfig =
  | { mode: 'sandbox'; dataDir: string }
  | {
      mode: 'live';
      baseUrl: string;
      tenantId: string;
      clientId: string;
      credential: PartnerCenterCredential;
      /**
       * app-only: client credentials. app+user: the Secure Application Model, a refresh token obtained once
       * with MFA and kept in a file outside the repository, exchanged by the same app registration.
       */
      auth: { kind: 'app-only' } | { kind: 'app+user'; refreshTokenFile: string; rotationKey?: Buffer };
      scope: string;
      /** Entra ID host msal-node asks for tokens; unset = https://login.microsoftonline.com. */
      authorityHost?: string;
    };

type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'azure-blob'; connectionString: string; container: string }
  /** Through Entra ID (managed identity in Azure, the developer's login elsewhere): no key to keep. */
  | { kind: 'azure-blob-identity'; accountUrl: string; container: string; managedIdentityClientId?: string };

export interface Config {
  port: number;
  /** The interface to listen on; undefined = every interface. */
  host?: string;
  logLevel: Environment['LOG_LEVEL'];
  /** Empty app id = local mode: the Bot Framework accepts unauthenticated requests (docs/platform-notes.md, "Local mode and authentication"). */
  localMode: boolean;
  botEnvironment: Record<string, string | undefined>;
  partnerCenter: PartnerCenterConfig;
  storage: StorageConfig;
  resultsChannelId?: string;
  /** `purchaseLimit`: above it a purchase is refused outright (PURCHASE_LIMIT). */
  approvals: { approverIds: string[]; threshold?: AmountsByCurrency; channelId?: string; purchaseLimit?: AmountsByCurrency };
  /** Who may use the bot: home tenants (ALLOWED_TENANT_IDS) and, when set, the reps who may buy (REP_IDS). */
  access: { allowedTenantIds: string[]; repIds?: string[] };
  playground: boolean;
  /** How long SIGTERM waits for running turns and background work before the process exits. */
  shutdownTimeoutMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once at start-up; every bad variable is named with what is expected. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const localMode = !e.MicrosoftAppId;
  if (e.NODE_ENV === 'production' && localMode) {
    problems.push('MicrosoftAppId: required when NODE_ENV=production (an empty app id turns off request authentication)');
  }
  if (!localMode && !e.MicrosoftAppPassword && !/^UserAssignedMsi$/i.test(e.MicrosoftAppType ?? '')) {
    problems.push('MicrosoftAppPassword: required with MicrosoftAppId (or set MicrosoftAppType=UserAssignedMSI)');
  }
  // New Azure Bot registrations are single-tenant: multi-tenant ones can no longer be created.
  const appType = e.MicrosoftAppType ?? 'SingleTenant';
  if (!localMode && appType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant (the default; the bot\'s Entra ID tenant)');
  }
  // Azure Bot Service reaches a registered bot from outside; without an app id nothing outside may reach it.
  const host = e.HOST ?? (localMode ? '127.0.0.1' : undefined);
  problems.push(...exposureProblems(e, localMode, host));
  const allowedTenantIds = e.ALLOWED_TENANT_IDS.length > 0
    ? e.ALLOWED_TENANT_IDS
    : [e.MicrosoftAppTenantId ?? (localMode ? PLAYGROUND_TENANT_ID : undefined)].filter((id): id is string => id !== undefined);
  if (allowedTenantIds.length === 0) {
    problems.push('ALLOWED_TENANT_IDS: required when MicrosoftAppTenantId is empty (the Entra ID tenants whose users may buy)');
  }
  const partnerCenter = partnerCenterConfig(e, problems);
  const storage = storageConfig(e, problems);
  if (e.APPROVAL_THRESHOLD !== undefined && e.APPROVER_IDS.length === 0) {
    problems.push('APPROVER_IDS: required when APPROVAL_THRESHOLD is set (Entra object ids of the approvers; otherwise nobody could approve)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host,
    logLevel: e.LOG_LEVEL,
    localMode,
    botEnvironment: {
      MicrosoftAppId: e.MicrosoftAppId ?? '',
      MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
      MicrosoftAppType: localMode ? '' : appType,
      MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
    },
    // The embedded sandbox keeps its carts and orders beside the bot's own state, so both survive a restart.
    partnerCenter: partnerCenter ?? { mode: 'sandbox', dataDir: path.join(e.DATA_DIR, 'sandbox') },
    storage,
    resultsChannelId: e.RESULTS_CHANNEL_ID,
    approvals: { approverIds: e.APPROVER_IDS, threshold: e.APPROVAL_THRESHOLD, channelId: e.APPROVAL_CHANNEL_ID, purchaseLimit: e.PURCHASE_LIMIT },
    access: { allowedTenantIds, repIds: e.REP_IDS.length > 0 ? e.REP_IDS : undefined },
    playground: localMode && e.PLAYGROUND === 'on',
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  };
}

function storageConfig(e: Environment, problems: string[]): StorageConfig {
  const account = e.AZURE_STORAGE_CONNECTION_STRING ?? e.AZURE_STORAGE_ACCOUNT_URL;
  if (e.AZURE_STORAGE_CONNECTION_STRING && e.AZURE_STORAGE_ACCOUNT_URL) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL: set one of them (the account URL uses the managed identity)');
  }
  if (Boolean(account) !== Boolean(e.AZURE_STORAGE_CONTAINER)) {
    problems.push('AZURE_STORAGE_CONTAINER with AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING: set both for Azure Blob storage, or neither');
  }
  const container = e.AZURE_STORAGE_CONTAINER;
  if (container && e.AZURE_STORAGE_CONNECTION_STRING) {
    return { kind: 'azure-blob', connectionString: e.AZURE_STORAGE_CONNECTION_STRING, container };
  }
  if (container && e.AZURE_STORAGE_ACCOUNT_URL) {
    return { kind: 'azure-blob-identity', accountUrl: e.AZURE_STORAGE_ACCOUNT_URL, container, managedIdentityClientId: e.AZURE_CLIENT_ID };
  }
  return { kind: 'embedded', dataDir: e.DATA_DIR };
}

/** Production, or an address others can reach, must neither run open nor buy from the embedded sandbox. */
function exposureProblems(e: Environment, localMode: boolean, host: string | undefined): string[] {
  const exposed = host === undefined || !isLoopback(host);
  const where = host === undefined ? 'every interface (HOST unset with an app id)' : `HOST=${host}`;
  const problems: string[] = [];
  if (localMode && exposed) {
    problems.push(`MicrosoftAppId: required when listening on ${where}, which is not loopback (an empty app id turns off request authentication); or set HOST=127.0.0.1`);
  }
  if (!e.PARTNER_CENTER_BASE_URL && (e.NODE_ENV === 'production' || exposed)) {
    const why = e.NODE_ENV === 'production' ? 'NODE_ENV=production' : `listening on ${where}, which is not loopback`;
    problems.push(`PARTNER_CENTER_BASE_URL: required when ${why} (the embedded sandbox is for local use only; e.g. https://api.partnercenter.microsoft.com)`);
  }
  return problems;
}

const PARTNER_CENTER_CREDENTIAL_NAMES = [
  'PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_CLIENT_SECRET', 'PARTNER_CENTER_CERTIFICATE_PATH',
  'PARTNER_CENTER_CERTIFICATE_PASSWORD', 'PARTNER_CENTER_REFRESH_TOKEN_FILE', 'PARTNER_CENTER_TOKEN_KEY', 'PARTNER_CENTER_AUTHORITY',
] as const;

function partnerCenterConfig(e: Environment, problems: string[]): PartnerCenterConfig | undefined {
  if (!e.PARTNER_CENTER_BASE_URL) {
    // Credentials without a URL would silently run against the embedded sandbox: almost always a typo.
    const stray = PARTNER_CENTER_CREDENTIAL_NAMES.filter((name) => e[name]);
    if (stray.length > 0) {
      problems.push(`PARTNER_CENTER_BASE_URL: required when ${stray.join(', ')} ${stray.length > 1 ? 'are' : 'is'} set (e.g. https://api.partnercenter.microsoft.com; leave all of them unset for the embedded sandbox)`);
    }
    return undefined;
  }
  const missing = (['PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID'] as const).filter((name) => !e[name]);
  for (const name of missing) problems.push(`${name}: required when PARTNER_CENTER_BASE_URL is set`);
  if (!e.PARTNER_CENTER_CLIENT_SECRET && !e.PARTNER_CENTER_CERTIFICATE_PATH) {
    problems.push('PARTNER_CENTER_CLIENT_SECRET or PARTNER_CENTER_CERTIFICATE_PATH: one is required when PARTNER_CENTER_BASE_URL is set');
  }
  const { PARTNER_CENTER_TENANT_ID: tenantId, PARTNER_CENTER_CLIENT_ID: clientId } = e;
  const credential: PartnerCenterCredential | undefined = e.PARTNER_CENTER_CLIENT_SECRET
    ? { kind: 'secret', secret: e.PARTNER_CENTER_CLIENT_SECRET }
    : e.PARTNER_CENTER_CERTIFICATE_PATH
      ? { kind: 'certificate', path: e.PARTNER_CENTER_CERTIFICATE_PATH, password: e.PARTNER_CENTER_CERTIFICATE_PASSWORD }
      : undefined;
  if (!tenantId || !clientId || !credential) return undefined;
  return {
    mode: 'live',
    baseUrl: e.PARTNER_CENTER_BASE_URL.replace(/\/+$/, '').replace(/\/v1$/, ''),
    tenantId,
    clientId,
    credential,
    auth: e.PARTNER_CENTER_REFRESH_TOKEN_FILE
      ? {
          kind: 'app+user',
          refreshTokenFile: e.PARTNER_CENTER_REFRESH_TOKEN_FILE,
          rotationKey: e.PARTNER_CENTER_TOKEN_KEY ? Buffer.from(e.PARTNER_CENTER_TOKEN_KEY, 'base64') : undefined,
        }
      : { kind: 'app-only' },
    scope: e.PARTNER_CENTER_SCOPE ?? (e.PARTNER_CENTER_REFRESH_TOKEN_FILE ? DEFAULT_USER_SCOPE : DEFAULT_APP_SCOPE),
    ...(e.PARTNER_CENTER_AUTHORITY ? { authorityHost: e.PARTNER_CENTER_AUTHORITY.replace(/\/+$/, '') } : {}),
  };
}
