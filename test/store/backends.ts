import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStorage } from '../../src/store/create-storage';
import { placeEveryJournal } from '../../src/store/embedded-backend';
import type { VersionedStorage } from '../../src/store/storage';
import { startAzurite, type RunningAzurite } from './azurite';

/**
 * The three backends for `describe.each`. Each test gets an empty store: a new memory store, a new
 * temp directory, or a new container in one Azurite started for the whole file.
 */
interface BackendUnderTest {
  name: 'memory' | 'embedded' | 'azure-blob';
  open(): Promise<VersionedStorage>;
}

let azurite: RunningAzurite | undefined;
let containers = 0;
const tempDirectories: string[] = [];

export async function startBackends(): Promise<void> {
  azurite = await startAzurite();
}

export async function stopBackends(): Promise<void> {
  await azurite?.stop();
  await placeEveryJournal();
  await Promise.all(tempDirectories.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export async function newTempDirectory(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'partner-cart-store-'));
  tempDirectories.push(directory);
  return directory;
}

export function azuriteConnectionString(): string {
  if (!azurite) throw new Error('call startBackends() in beforeAll first');
  return azurite.connectionString;
}

export function newContainerName(): string {
  containers += 1;
  return `test-${process.pid}-${containers}`;
}

export const backends: BackendUnderTest[] = [
  { name: 'memory', open: () => createStorage({ kind: 'memory' }) },
  { name: 'embedded', open: async () => createStorage({ kind: 'embedded', dataDir: await newTempDirectory() }) },
  {
    name: 'azure-blob',
    open: () =>
      createStorage({ kind: 'azure-blob', connectionString: azuriteConnectionString(), container: newContainerName() }),
  },
];
