import pino from 'pino';

/** The logging surface every module takes: pino's, so tests can pass a silent or capturing logger. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Field names that hold a credential in the objects this process handles: HTTP headers, msal/Entra token
 * responses (`access_token`, `refresh_token`), the bot's and Partner Center's configuration.
 */
const SECRET_KEYS = [
  'authorization', 'Authorization', 'password', 'MicrosoftAppPassword', 'clientSecret', 'client_secret', 'secret',
  'token', 'accessToken', 'access_token', 'refreshToken', 'refresh_token', 'connectionString', 'accountKey', 'AccountKey',
];

/**
 * Paths pino blanks, so a secret that reaches a log object by mistake is not written: each key at the top
 * and down to three levels (pino has no recursive wildcard; an error's `request.headers` sits that deep).
 * Tokens and secrets are never passed to the logger on purpose; this is the second line.
 */
const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]);

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
