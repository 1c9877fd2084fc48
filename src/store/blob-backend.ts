import { text } from 'node:stream/consumers';
import { ContainerClient, RestError } from '@azure/storage-blob';
import type { BackendWrite, StorageBackend, WriteCondition } from './backend';
import { jsonObjectSchema } from './backend';
import { ETagConflictError, InvalidStoredDocumentError } from './errors';
import { RecentDocuments, REMEMBERED_DOCUMENTS, type StoredText } from './recent-documents';
import type { JsonObject, Versioned } from './storage';

/**
 * Azure Blob Storage, one JSON blob per key, eTags are the blob ETags.
 *
 * Built on @azure/storage-blob rather than botbuilder's BlobsStorage because BlobsStorage cannot
 * return the eTag of a write (re-reading it would race with the next writer), cannot create only if
 * absent and cannot list. Content is stored as BlobsStorage stores it (the item as JSON without its
 * eTag) and the blob name is `encodeURIComponent(key)`, as in BlobsStorage, except that BlobsStorage
 * first drops empty `/` segments, which would make `a/` and `a` one blob here but two elsewhere.
 */
// eslint-disable-next-line import-x/no-unused-modules -- loaded lazily with require() in create-storage.ts, which the rule does not follow
export class AzureBlobBackend implements StorageBackend {
  /**
   * Documents read lately with their ETags. Another instance may write any blob at any time, so an entry
   * is never trusted as it stands: each read asks for the blob with If-None-Match and only a 304 (the
   * blob still has that ETag) returns the entry. A click then costs a round trip but no download.
   */
  private readonly recent = new RecentDocuments<StoredText>(REMEMBERED_DOCUMENTS);

  private constructor(private readonly container: ContainerClient) {}

  static async open(container: ContainerClient): Promise<AzureBlobBackend> {
    await container.createIfNotExists();
    return new AzureBlobBackend(container);
  }

  /** For a tool beside the running bot: the container must exist already. */
  static async attach(container: ContainerClient): Promise<AzureBlobBackend> {
    if (!(await container.exists())) throw new Error(`Storage: the container "${container.containerName}" does not exist.`);
    return new AzureBlobBackend(container);
  }

  async get(key: string): Promise<Versioned<JsonObject> | undefined> {
    const remembered = this.recent.get(key);
    let download;
    try {
      download = await this.container.getBlobClient(blobNameFor(key)).download(0, undefined, {
        conditions: remembered ? { ifNoneMatch: remembered.eTag } : undefined,
      });
    } catch (error) {
      if (remembered && statusOf(error) === 304) return { value: JSON.parse(remembered.text) as JsonObject, eTag: remembered.eTag };
      if (statusOf(error) === 404) {
        this.recent.replace(key, undefined);
        return undefined;
      }
      throw error;
    }
    if (!download.readableStreamBody || !download.etag) {
      throw new InvalidStoredDocumentError(key, 'the blob came back without a body or an ETag');
    }
    const body = await text(download.readableStreamBody);
    let value: JsonObject;
    try {
      value = jsonObjectSchema.parse(JSON.parse(body));
    } catch (error) {
      throw new InvalidStoredDocumentError(key, 'the blob is not a JSON object', { cause: error });
    }
    this.recent.remember(key, { eTag: download.etag, text: body });
    return { value, eTag: download.etag };
  }

  /**
   * Blob Storage has no transaction across blobs, so the items are written in their order, one round
   * trip each (consecutive `keepIfPresent` items together): when the first item's condition fails (a
   * purchase's eTag) nothing is written. A crash between two round trips loses the items after it.
   */
  async commit(writes: readonly BackendWrite[]): Promise<(string | undefined)[]> {
    const eTags: (string | undefined)[] = [];
    for (const step of stepsOf(writes)) eTags.push(...(await Promise.all(step.map((write) => this.put(write)))));
    return eTags;
  }

  private async put({ key, value, condition }: BackendWrite): Promise<string | undefined> {
    const body = JSON.stringify(value);
    try {
      const response = await this.container.getBlockBlobClient(blobNameFor(key)).upload(body, Buffer.byteLength(body), {
        conditions: accessConditionsFor(condition),
        blobHTTPHeaders: { blobContentType: 'application/json' },
      });
      if (!response.etag) throw new Error(`Storage: the upload of "${key}" returned no ETag.`);
      this.recent.replace(key, { eTag: response.etag, text: body });
      return response.etag;
    } catch (error) {
      if (condition.kind === 'keepIfPresent' && statusOf(error) === 409) return undefined;
      if (isConditionFailure(error, condition)) throw new ETagConflictError(key, { cause: error });
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.container.getBlobClient(blobNameFor(key)).deleteIfExists();
    this.recent.replace(key, undefined);
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const blob of this.container.listBlobsFlat({ prefix: blobNameFor(prefix) })) {
      const key = keyForBlobName(blob.name);
      if (key !== undefined) keys.push(key);
    }
    return keys;
  }

  describe(): string {
    // The URL is rebuilt without its query string and user info: a SAS token or key must not reach a log.
    const url = new URL(this.container.url);
    return `Azure Blob Storage (container "${this.container.containerName}" at ${url.protocol}//${url.host}${url.pathname})`;
  }
}

function stepsOf(writes: readonly BackendWrite[]): BackendWrite[][] {
  const steps: BackendWrite[][] = [];
  for (const write of writes) {
    const last = steps.at(-1);
    const joins = last !== undefined && write.condition.kind === 'keepIfPresent' && last[0]?.condition.kind === 'keepIfPresent';
    if (joins) last.push(write);
    else steps.push([write]);
  }
  return steps;
}

function blobNameFor(key: string): string {
  return encodeURIComponent(key);
}

/** Blobs we did not name (uploaded by hand, or by other software) are not keys of ours. */
function keyForBlobName(name: string): string | undefined {
  try {
    const key = decodeURIComponent(name);
    return blobNameFor(key) === name ? key : undefined;
  } catch {
    return undefined;
  }
}

function accessConditionsFor(condition: WriteCondition): { ifMatch?: string; ifNoneMatch?: string } {
  if (condition.kind === 'ifMatch') return { ifMatch: condition.eTag };
  if (condition.kind === 'ifAbsent' || condition.kind === 'keepIfPresent') return { ifNoneMatch: '*' };
  return {};
}

/** If-Match fails with 412 (also when the blob is missing); If-None-Match: * fails with 409 BlobAlreadyExists. */
function isConditionFailure(error: unknown, condition: WriteCondition): boolean {
  const status = statusOf(error);
  if (status === 412) return true;
  return condition.kind === 'ifAbsent' && status === 409;
}

function statusOf(error: unknown): number | undefined {
  return error instanceof RestError ? error.statusCode : undefined;
}
