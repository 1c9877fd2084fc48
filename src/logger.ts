import pino from 'pino';

/** The logging surface every module takes: pino's, so tests can pass a silent or capturing logger. */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Paths pino blanks wherever they appear, so a secret that reaches a log object by mistake is not written.
 * Tokens and secrets are never passed to the logger on purpose; this is the second line.
 */
const REDACTED_PATHS = [
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
  'password', '*.password', 'clientSecret', '*.clientSecret', 'secret', '*.secret',
  'token', '*.token', 'accessToken', '*.accessToken', 'connectionString', '*.connectionString',
];

export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, destination);
}
