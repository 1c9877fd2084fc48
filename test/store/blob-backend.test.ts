import {
  AccountSASPermissions,
  AccountSASResourceTypes,
  AccountSASServices,
  ContainerClient,
  StorageSharedKeyCredential,
  generateAccountSASQueryParameters,
} from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { createStorage } from '../../src/store/create-storage';
import { ETagConflictError, InvalidStoredDocumentError } from '../../src/store/errors';
import { DEV_ACCOUNT_KEY } from './azurite';
import { RecordingProxy } from './recording-proxy';
import { azuriteConnectionString, newContainerName, startBackends, stopBackends } from './backends';

beforeAll(startBackends);
afterAll(stopBackends);

describe('Azure Blob storage', () => {
  it('reads and lists what botbuilder BlobsStorage wrote, and BlobsStorage reads what it wrote', async () => {
    const container = newContainerName();
    const storage = await createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString(), container });
    const blobsStorage = new BlobsStorage(azuriteConnectionString(), container);

    await blobsStorage.write({ 'purchases/Zażółć;1': { state: 'draft' } });
    const read = await storage.get('purchases/Zażółć;1');
    const eTag = await storage.set('purchases/Zażółć;1', { state: 'priced' }, read?.eTag);

    expect(read?.value).toEqual({ state: 'draft' });
    expect(await storage.list('purchases/')).toEqual(['purchases/Zażółć;1']);
    expect(await blobsStorage.read(['purchases/Zażółć;1'])).toEqual({ 'purchases/Zażółć;1': { state: 'priced', eTag } });
  });

  it('skips blobs it did not name and reports one that is not a JSON object', async () => {
    const container = newContainerName();
    const storage = await createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString(), container });
    const raw = new ContainerClient(azuriteConnectionString(), container);
    await raw.getBlockBlobClient('purchases/raw-slash').upload('{}', 2);
    await raw.getBlockBlobClient('purchases%2Fnot-json').upload('[1]', 3);

    expect(await storage.list('purchases/')).toEqual(['purchases/not-json']);
    await expect(storage.get('purchases/not-json')).rejects.toBeInstanceOf(InvalidStoredDocumentError);
  });

  it('describes itself without the account key or a SAS token', async () => {
    const endpoint = /BlobEndpoint=([^;]+)/.exec(azuriteConnectionString())?.[1];
    const sas = generateAccountSASQueryParameters(
      {
        expiresOn: new Date(Date.now() + 3_600_000),
        permissions: AccountSASPermissions.parse('rwdlc'),
        resourceTypes: AccountSASResourceTypes.parse('sco').toString(),
        services: AccountSASServices.parse('b').toString(),
      },
      new StorageSharedKeyCredential('devstoreaccount1', DEV_ACCOUNT_KEY),
    ).toString();

    const withKey = await createStorage({
      kind: 'azure-blob',
      connectionString: azuriteConnectionString(),
      container: newContainerName(),
    });
    const withSas = await createStorage({
      kind: 'azure-blob',
      connectionString: `BlobEndpoint=${endpoint};SharedAccessSignature=${sas}`,
      container: 'with-sas',
    });

    await withSas.set('probe', { ok: true });
    expect(withSas.describe()).toBe(`Azure Blob Storage (container "with-sas" at ${endpoint}/with-sas)`);
    for (const description of [withKey.describe(), withSas.describe()]) {
      expect(description).not.toContain(DEV_ACCOUNT_KEY);
      expect(description).not.toMatch(/sig=|AccountKey/);
    }
  });

  it('attaches a tool only to a container that exists, and creates none', async () => {
    const connectionString = azuriteConnectionString();
    const missing = newContainerName();
    await expect(createStorage({ kind: 'azure-blob', connectionString, container: missing }, { mode: 'attach' })).rejects.toThrow(
      `the container "${missing}" does not exist`,
    );
    expect(await new ContainerClient(connectionString, missing).exists()).toBe(false);

    const existing = newContainerName();
    await (await createStorage({ kind: 'azure-blob', connectionString, container: existing })).set('purchases/p1', { state: 'priced' });
    const attached = await createStorage({ kind: 'azure-blob', connectionString, container: existing }, { mode: 'attach' });
    expect((await attached.get('purchases/p1'))?.value).toEqual({ state: 'priced' });
  });

  it('downloads a blob it read before only when its ETag changed, with a conditional read (If-None-Match)', async () => {
    const container = newContainerName();
    const endpoint = /BlobEndpoint=([^;]+)/.exec(azuriteConnectionString())![1]!;
    const proxy = new RecordingProxy(new URL(endpoint));
    const proxied = `${await proxy.start()}${new URL(endpoint).pathname}`;
    try {
      const instance = await createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString().replace(endpoint, proxied), container });
      const otherInstance = await createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString(), container });
      const reads = () => proxy.requests.filter((r) => r.method === 'GET' && r.path.includes('purchases%252Fp1')).map((r) => r.status);

      const created = await instance.set('purchases/p1', { state: 'draft', lines: ['a'] });
      const first = await instance.get('purchases/p1');
      const second = await instance.get('purchases/p1');
      expect(first).toEqual({ value: { state: 'draft', lines: ['a'] }, eTag: created });
      expect(second).toEqual(first);
      expect(reads()).toEqual([200, 304]);
      expect(proxy.requests.filter((r) => r.status === 304).every((r) => r.bodyBytes === 0)).toBe(true);

      (second!.value.lines as string[]).push('changed by the caller');
      const priced = await instance.set('purchases/p1', { state: 'priced' }, second!.eTag);
      expect(await instance.get('purchases/p1')).toEqual({ value: { state: 'priced' }, eTag: priced });
      expect(reads()).toEqual([200, 304, 304]);

      const ordered = await otherInstance.set('purchases/p1', { state: 'ordered' }, priced);
      expect(await instance.get('purchases/p1')).toEqual({ value: { state: 'ordered' }, eTag: ordered });
      expect(reads()).toEqual([200, 304, 304, 200]);
      await expect(instance.set('purchases/p1', { state: 'priced' }, priced)).rejects.toBeInstanceOf(ETagConflictError);

      await otherInstance.delete(['purchases/p1']);
      expect(await instance.get('purchases/p1')).toBeUndefined();
    } finally {
      await proxy.stop();
    }
  });

  it('rejects an invalid container name without echoing the connection string', async () => {
    const attempt = createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString(), container: 'No_Such' });

    await expect(attempt).rejects.toThrow(/container name/);
    await expect(attempt).rejects.not.toThrow(DEV_ACCOUNT_KEY);
  });
});
