/** The Partner Center client: what the rest of the bot imports. */
export * from './operations';
export { createPartnerCenterClient, readerOnly } from './client';
export { createClientCredentialsTokenProvider, createRefreshTokenProvider, type AccessTokenProvider } from './auth';
export * from './subscription-changes';
export { PartnerCenterError, isPartnerCenterError, type PartnerCenterErrorKind } from './errors';
export { formatErrorForUser, errorLogFields, explainFailure, supportDetail, lineErrorText } from './error-reporting';
