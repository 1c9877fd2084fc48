export type { BotStorage, JsonObject, StorageWrite, StoreItem, StoreItems, Versioned, VersionedStorage } from './storage';
export { ETagConflictError, InvalidStorageKeyError, InvalidStoredDocumentError } from './errors';
export { createStorage, storageConfigSchema, type OpenOptions, type StorageConfig } from './create-storage';
export { DocumentStore, type StoredDocument } from './document-store';
export {
  AuditLog,
  auditActorSchema,
  auditOutcomeSchema,
  auditRecordSchema,
  type AuditEntry,
  type AuditLogOptions,
  type AuditOutcome,
  type AuditRecord,
  type AuditSubject,
} from './audit-log';
export { auditExportLines, exportAudit, writeAuditExport, type AuditExportFormat, type AuditExportOptions } from './audit-export';
