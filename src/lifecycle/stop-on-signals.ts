import type { RunningApp } from '../app';
import type { Logger } from '../logger';

interface StopOptions {
  deadlineMs: number;
  log: Logger;
  /** What else the process owns (Partner Center token cache, the Playground…), closed after the drain. */
  cleanup?: () => Promise<void> | void;
}

/**
 * SIGTERM (App Service, Container Apps, Docker stop) and SIGINT (Ctrl-C) drain the bot, then exit: 0 when
 * everything finished, 1 when the deadline cut work off. A second signal is not caught and ends the
 * process at once.
 */
export function stopOnSignals(app: Pick<RunningApp, 'shutdown'>, options: StopOptions): void {
  const { deadlineMs, log } = options;
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    log.info({ signal, deadlineMs }, 'stopping: no new turns, finishing the running ones');
    const outcome = await app.shutdown(deadlineMs);
    if (outcome.finished) log.info({ elapsedMs: outcome.elapsedMs }, 'running work finished');
    else log.warn(outcome, 'stop deadline reached: the next start resumes interrupted checkouts');
    await options.cleanup?.();
    process.exit(outcome.finished ? 0 : 1);
  };
  process.once('SIGTERM', (signal) => void stop(signal));
  process.once('SIGINT', (signal) => void stop(signal));
}
