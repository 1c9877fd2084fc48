/** The Partner Center client: what the rest of the bot imports. */
export * from './operations';
export { createPartnerCenterClient, createPartnerCenterReader, readerOnly, type PartnerCenterClientOptions } from './client';
export { withCatalogCache, DEFAULT_CATALOG_TTL_MS, type CatalogCacheOptions } from './catalog-cache';
export {
  noToken,
  createClientCredentialsTokenProvider,
  createRefreshTokenProvider,
  type AccessTokenProvider,
  type ClientCredentialsOptions,
  type RefreshTokenOptions,
} from './auth';
export { PartnerCenterError, isPartnerCenterError, type PartnerCenterErrorKind } from './errors';
export { lineErrorMessageKey, type PartnerCenterMessageKey, type CartLineMessageKey } from './error-messages';
export { formatErrorForUser, errorLogFields, explainFailure, supportDetail, lineErrorText } from './error-reporting';
export { DEFAULT_RETRY_POLICY, type RetryPolicySettings } from './retry-policy';
export type { PartnerCenterLogger } from './logger';
