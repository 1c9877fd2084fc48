import { DefaultAzureCredential } from '@azure/identity';
import { ConfigError, loadConfig } from '../../../src/config';
import { containerClientFor } from '../../../src/store/blob-container';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
    return '';
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
}

const accountUrl = 'https://partnercartstate.blob.core.windows.net/';
const managedIdentityClientId = '5d3b0a8e-1f2c-4c6d-8e9f-0a1b2c3d4e5f';

describe('Azure Blob storage through a managed identity (AZURE_STORAGE_ACCOUNT_URL)', () => {
  it('uses the account URL with the container and the user-assigned identity, and no key', () => {
    const config = loadConfig({ AZURE_STORAGE_ACCOUNT_URL: accountUrl, AZURE_STORAGE_CONTAINER: 'bot-state', AZURE_CLIENT_ID: managedIdentityClientId });
    expect(config.storage).toEqual({ kind: 'azure-blob-identity', accountUrl, container: 'bot-state', managedIdentityClientId });
  });

  it('builds a container client on the account URL that signs with an Entra ID credential', () => {
    const client = containerClientFor({ accountUrl, managedIdentityClientId }, 'bot-state');
    expect(client.url).toBe('https://partnercartstate.blob.core.windows.net/bot-state');
    expect(client.containerName).toBe('bot-state');
    expect(client.credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it('refuses a connection string and an account URL together, either without a container, and a URL that is not one', () => {
    expect(problemsOf({ AZURE_STORAGE_ACCOUNT_URL: accountUrl, AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'bot-state' }))
      .toMatch(/AZURE_STORAGE_CONNECTION_STRING and AZURE_STORAGE_ACCOUNT_URL: set one of them/);
    expect(problemsOf({ AZURE_STORAGE_ACCOUNT_URL: accountUrl })).toMatch(/AZURE_STORAGE_CONTAINER with AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING: set both/);
    expect(problemsOf({ AZURE_STORAGE_CONTAINER: 'bot-state' })).toMatch(/set both for Azure Blob storage, or neither/);
    expect(problemsOf({ AZURE_STORAGE_ACCOUNT_URL: 'partnercartstate', AZURE_STORAGE_CONTAINER: 'bot-state' })).toMatch(/AZURE_STORAGE_ACCOUNT_URL: expected the blob endpoint/);
  });

  it('keeps the connection string variant for Azurite and keys', () => {
    const config = loadConfig({ AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true', AZURE_STORAGE_CONTAINER: 'bot-state' });
    expect(config.storage).toEqual({ kind: 'azure-blob', connectionString: 'UseDevelopmentStorage=true', container: 'bot-state' });
  });
});

describe('PARTNER_CENTER_TOKEN_KEY (the key of the kept refresh token)', () => {
  const appUser = {
    PARTNER_CENTER_BASE_URL: 'https://api.partnercenter.microsoft.com', PARTNER_CENTER_TENANT_ID: 't', PARTNER_CENTER_CLIENT_ID: 'c',
    PARTNER_CENTER_CLIENT_SECRET: 's', PARTNER_CENTER_REFRESH_TOKEN_FILE: '/secrets/refresh-token',
  };

  it('takes 32 bytes in base64 for App+User', () => {
    const key = Buffer.alloc(32, 7);
    const config = loadConfig({ ...appUser, PARTNER_CENTER_TOKEN_KEY: key.toString('base64') });
    expect(config.partnerCenter).toMatchObject({ auth: { kind: 'app+user', refreshTokenFile: '/secrets/refresh-token', rotationKey: key } });
  });

  it('names a key of the wrong length or form without echoing it', () => {
    const short = Buffer.alloc(16, 7).toString('base64');
    expect(problemsOf({ ...appUser, PARTNER_CENTER_TOKEN_KEY: short })).toMatch(/PARTNER_CENTER_TOKEN_KEY: expected 32 random bytes in base64/);
    expect(problemsOf({ ...appUser, PARTNER_CENTER_TOKEN_KEY: 'not base64!' })).toMatch(/PARTNER_CENTER_TOKEN_KEY: expected 32 random bytes/);
    expect(problemsOf({ ...appUser, PARTNER_CENTER_TOKEN_KEY: short })).not.toContain(short);
  });
});
