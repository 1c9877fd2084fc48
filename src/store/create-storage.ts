import { z } from 'zod';
import type { StorageBackend } from './backend';
import { AzureBlobBackend } from './blob-backend';
import { EmbeddedBackend } from './embedded-backend';
import { MemoryBackend } from './memory-backend';
import type { VersionedStorage } from './storage';
import { VersionedStore } from './versioned-store';

// Azure's rule for container names: 3–63 of a-z, 0-9 and single hyphens, starting and ending alphanumeric.
const CONTAINER_NAME = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;

export const storageConfigSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('memory') }),
  z.object({ kind: z.literal('embedded'), dataDir: z.string().min(1) }),
  z.object({
    kind: z.literal('azure-blob'),
    connectionString: z.string().min(1),
    container: z.string().regex(CONTAINER_NAME, 'an Azure container name: 3-63 of a-z, 0-9 and single hyphens'),
  }),
]);
export type StorageConfig = z.infer<typeof storageConfigSchema>;

/** Opens the backend up front (creates DATA_DIR or the container), so a bad setting fails at start-up. */
export async function createStorage(config: StorageConfig): Promise<VersionedStorage> {
  return new VersionedStore(await openBackend(storageConfigSchema.parse(config)));
}

function openBackend(config: StorageConfig): Promise<StorageBackend> {
  switch (config.kind) {
    case 'memory':
      return Promise.resolve(new MemoryBackend());
    case 'embedded':
      return EmbeddedBackend.open(config.dataDir);
    case 'azure-blob':
      return AzureBlobBackend.open(config.connectionString, config.container);
  }
}
