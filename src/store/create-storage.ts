import { z } from 'zod';
import type { StorageBackend } from './backend';
import { EmbeddedBackend } from './embedded-backend';
import { MemoryBackend } from './memory-backend';
import type { VersionedStorage } from './storage';
import { VersionedStore } from './versioned-store';

// Azure's rule for container names: 3–63 of a-z, 0-9 and single hyphens, starting and ending alphanumeric.
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
const containerName = z.string().regex(CONTAINER_NAME, 'an Azure container name: 3-63 of a-z, 0-9 and single hyphens');

const storageConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('memory') }),
  z.object({ kind: z.literal('embedded'), dataDir: z.string().min(1) }),
  z.object({
    kind: z.literal('azure-blob'),
    connectionString: z.string().min(1),
    container: containerName,
  }),
  z.object({
    kind: z.literal('azure-blob-identity'),
    accountUrl: z.url(),
    container: containerName,
    managedIdentityClientId: z.string().min(1).optional(),
  }),
]);
type StorageConfig = z.infer<typeof storageConfigSchema>;

interface OpenOptions {
  /**
   * `own` (the bot): create DATA_DIR or the container if missing and clean up after a crash.
   * `attach` (a tool beside a running bot, like the audit export): the storage must exist, and nothing is
   * created or cleaned up, since a temp file in DATA_DIR may be a write the bot is making right now.
   */
  mode?: 'own' | 'attach';
}

/** Opens the backend up front, so a bad setting fails at start-up. */
export async function createStorage(config: StorageConfig, options: OpenOptions = {}): Promise<VersionedStorage> {
  return new VersionedStore(await openBackend(storageConfigSchema.parse(config), options.mode ?? 'own'));
}

function openBackend(config: StorageConfig, mode: 'own' | 'attach'): Promise<StorageBackend> {
  switch (config.kind) {
    case 'memory':
      return Promise.resolve(new MemoryBackend());
    case 'embedded':
      return mode === 'own' ? EmbeddedBackend.open(config.dataDir) : EmbeddedBackend.attach(config.dataDir);
    case 'azure-blob':
    case 'azure-blob-identity':
      return openBlobBackend(config, mode);
  }
}

/**
 * @azure/storage-blob and @azure/identity are loaded only when Blob storage is configured: about 200
 * modules and 4 MB of V8 heap that a bot on the embedded store would otherwise keep for nothing
 * (the heap it keeps also sets how far V8 lets the heap grow before collecting; see docs/memory.md).
 */
function openBlobBackend(config: Extract<StorageConfig, { kind: 'azure-blob' | 'azure-blob-identity' }>, mode: 'own' | 'attach'): Promise<StorageBackend> {
  const { AzureBlobBackend } = require('./blob-backend') as typeof import('./blob-backend');
  const { containerClientFor } = require('./blob-container') as typeof import('./blob-container');
  const container = containerClientFor(config, config.container);
  return mode === 'own' ? AzureBlobBackend.open(container) : AzureBlobBackend.attach(container);
}
