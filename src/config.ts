import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_APP_SCOPE, DEFAULT_USER_SCOPE } from './partner-center/auth';

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

/** Every environment variable the bot reads (design.md, "Interfaces that stay stable"). */
const environmentSchema = z.object({
  NODE_ENV: optionalText,
  PORT: port(3978),
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
  PARTNER_CENTER_REFRESH_TOKEN_FILE: optionalText,
  PARTNER_CENTER_SCOPE: optionalText,
  PARTNER_CENTER_AUTHORITY: optionalText.pipe(
    z.url({ protocol: /^https$/, error: 'expected an https URL such as https://login.microsoftonline.com (msal-node refuses http authorities)' }).optional(),
  ),
  DATA_DIR: z.string().default('./data'),
  AZURE_STORAGE_CONNECTION_STRING: optionalText,
  AZURE_STORAGE_CONTAINER: optionalText,
  RESULTS_CHANNEL_ID: optionalText,
  APPROVER_IDS: idList.pipe(z.array(guid)),
  APPROVAL_THRESHOLD: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number({ error: 'expected an amount such as 1000 (0 = always)' }).min(0).optional(),
  ),
  APPROVAL_CHANNEL_ID: optionalText,
  PLAYGROUND: z.enum(['on', 'off']).default('on'),
});

export type Environment = z.infer<typeof environmentSchema>;

export type PartnerCenterConfig =
  | { mode: 'sandbox'; dataDir: string }
  | {
      mode: 'live';
      baseUrl: string;
      tenantId: string;
      clientId: string;
      credential: { kind: 'secret'; secret: string } | { kind: 'certificate'; path: string };
      /**
       * app-only: client credentials. app+user: the Secure Application Model, a refresh token obtained once
       * with MFA and kept in a file outside the repository, exchanged by the same app registration.
       */
      auth: { kind: 'app-only' } | { kind: 'app+user'; refreshTokenFile: string };
      scope: string;
      /** Entra ID host msal-node asks for tokens; unset = https://login.microsoftonline.com. */
      authorityHost?: string;
    };

export type StorageConfig =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'azure-blob'; connectionString: string; container: string };

export interface Config {
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  /** Empty app id = local mode: the Bot Framework accepts unauthenticated requests (teams-platform §1.4). */
  localMode: boolean;
  botEnvironment: Record<string, string | undefined>;
  partnerCenter: PartnerCenterConfig;
  storage: StorageConfig;
  resultsChannelId?: string;
  approvals: { approverIds: string[]; threshold?: number; channelId?: string };
  playground: boolean;
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
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId: required when MicrosoftAppType=SingleTenant');
  }
  const partnerCenter = partnerCenterConfig(e, problems);
  if (Boolean(e.AZURE_STORAGE_CONNECTION_STRING) !== Boolean(e.AZURE_STORAGE_CONTAINER)) {
    problems.push('AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_CONTAINER: set both for Azure Blob storage, or neither');
  }
  if (e.APPROVAL_THRESHOLD !== undefined && e.APPROVER_IDS.length === 0) {
    problems.push('APPROVER_IDS: required when APPROVAL_THRESHOLD is set (Entra object ids of the approvers; otherwise nobody could approve)');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    localMode,
    botEnvironment: {
      MicrosoftAppId: e.MicrosoftAppId ?? '',
      MicrosoftAppPassword: e.MicrosoftAppPassword ?? '',
      MicrosoftAppType: e.MicrosoftAppType ?? '',
      MicrosoftAppTenantId: e.MicrosoftAppTenantId ?? '',
    },
    // The embedded sandbox keeps its carts and orders beside the bot's own state, so both survive a restart.
    partnerCenter: partnerCenter ?? { mode: 'sandbox', dataDir: path.join(e.DATA_DIR, 'sandbox') },
    storage:
      e.AZURE_STORAGE_CONNECTION_STRING && e.AZURE_STORAGE_CONTAINER
        ? { kind: 'azure-blob', connectionString: e.AZURE_STORAGE_CONNECTION_STRING, container: e.AZURE_STORAGE_CONTAINER }
        : { kind: 'embedded', dataDir: e.DATA_DIR },
    resultsChannelId: e.RESULTS_CHANNEL_ID,
    approvals: { approverIds: e.APPROVER_IDS, threshold: e.APPROVAL_THRESHOLD, channelId: e.APPROVAL_CHANNEL_ID },
    playground: localMode && e.PLAYGROUND === 'on',
  };
}

const PARTNER_CENTER_CREDENTIAL_NAMES = [
  'PARTNER_CENTER_TENANT_ID', 'PARTNER_CENTER_CLIENT_ID', 'PARTNER_CENTER_CLIENT_SECRET', 'PARTNER_CENTER_CERTIFICATE_PATH',
  'PARTNER_CENTER_REFRESH_TOKEN_FILE', 'PARTNER_CENTER_AUTHORITY',
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
  if (missing.length > 0 || (!e.PARTNER_CENTER_CLIENT_SECRET && !e.PARTNER_CENTER_CERTIFICATE_PATH)) return undefined;
  return {
    mode: 'live',
    baseUrl: e.PARTNER_CENTER_BASE_URL.replace(/\/+$/, '').replace(/\/v1$/, ''),
    tenantId: e.PARTNER_CENTER_TENANT_ID!,
    clientId: e.PARTNER_CENTER_CLIENT_ID!,
    credential: e.PARTNER_CENTER_CLIENT_SECRET
      ? { kind: 'secret', secret: e.PARTNER_CENTER_CLIENT_SECRET }
      : { kind: 'certificate', path: e.PARTNER_CENTER_CERTIFICATE_PATH! },
    auth: e.PARTNER_CENTER_REFRESH_TOKEN_FILE
      ? { kind: 'app+user', refreshTokenFile: e.PARTNER_CENTER_REFRESH_TOKEN_FILE }
      : { kind: 'app-only' },
    scope: e.PARTNER_CENTER_SCOPE ?? (e.PARTNER_CENTER_REFRESH_TOKEN_FILE ? DEFAULT_USER_SCOPE : DEFAULT_APP_SCOPE),
    ...(e.PARTNER_CENTER_AUTHORITY ? { authorityHost: e.PARTNER_CENTER_AUTHORITY.replace(/\/+$/, '') } : {}),
  };
}
