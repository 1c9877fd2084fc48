import { inspect } from 'node:util';
import { clientStatus, errorFields } from './error-fields';
import type { Logger } from './logger';

const LEVELS = { error: 'error', warn: 'warn', info: 'info', log: 'info', debug: 'debug' } as const;
type ConsoleMethod = keyof typeof LEVELS;

/**
 * Libraries print with console: botbuilder's CloudAdapter writes every refused request (a bad or missing
 * Bot Framework token) with console.error, stack trace included, and the token validation and the Azure
 * SDKs print too. Routed into the JSON log, each becomes one line a log query can find, with the reason.
 * Returns the function that puts the console back.
 */
export function routeConsoleToLog(log: Logger): () => void {
  const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();
  for (const method of Object.keys(LEVELS) as ConsoleMethod[]) {
    originals.set(method, console[method]);
    console[method] = (...args: unknown[]) => {
      const error = args.find((arg): arg is Error => arg instanceof Error);
      const text = args.filter((arg) => arg !== error).map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 2, breakLength: Infinity }))).join(' ');
      const level = error && clientStatus(error) ? 'warn' : LEVELS[method];
      log[level]({ source: 'console', ...(error ? { error: errorFields(error) } : {}) }, text || error?.message || '');
    };
  }
  return () => originals.forEach((original, method) => (console[method] = original));
}
