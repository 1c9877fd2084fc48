/** The slice of pino the client uses; a pino logger fits as is. Nothing logged here carries a token. */
export interface PartnerCenterLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
