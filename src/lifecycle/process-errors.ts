import { errorFields } from '../error-fields';
import type { Logger } from '../logger';

/**
 * A promise nobody awaited that failed (a library's background export, say) is logged, not allowed to
 * end the bot in the middle of other users' turns; an exception nobody caught leaves the process in an
 * unknown state, so it is logged and the process exits for the platform to restart it. Both go to the
 * JSON log instead of Node's raw stack trace on stderr.
 */
export function logProcessErrors(log: Logger & { fatal(obj: object, msg?: string): void }): void {
  process.on('unhandledRejection', (reason: unknown) => {
    log.error({ error: reason instanceof Error ? errorFields(reason) : { type: typeof reason, message: String(reason) } }, 'a promise failed with nobody waiting for it');
  });
  process.on('uncaughtException', (error: Error) => {
    log.fatal({ error: errorFields(error) }, 'uncaught exception: exiting');
    process.exit(1);
  });
}
