import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Logger } from './logger';
import { findProjectRoot } from './cards/project-root';

export const PLAYGROUND_PORT = 56150;
/**
 * The tenant the Agents Playground puts on its activities and member lookups, from its configuration in
 * playground/agents-playground.yml. Local mode lets this tenant in unless ALLOWED_TENANT_IDS says otherwise.
 */
export const PLAYGROUND_TENANT_ID = '0d0e9c52-5a8c-4c5e-9a4e-7f2b3c1d0e01';
const PLAYGROUND_CONFIG = path.join('playground', 'agents-playground.yml');

/** The Playground moves to a random port when its own is taken, which would make the printed URL wrong. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/**
 * Starts the Microsoft 365 Agents Playground (a local Teams-like chat) against the bot, offline and
 * without telemetry. Local mode only: it calls the bot without a token (docs/platform-notes.md, "Local mode and authentication").
 */
export async function startPlayground(botPort: number, log: Logger): Promise<ChildProcess | undefined> {
  const binary = path.join(findProjectRoot(), 'node_modules', '.bin', 'agentsplayground');
  if (!existsSync(binary)) {
    log.warn({}, 'Agents Playground is not installed (npm install adds it); the bot still runs');
    return undefined;
  }
  if (!(await portIsFree(PLAYGROUND_PORT))) {
    log.warn({ port: PLAYGROUND_PORT }, 'Agents Playground not started: its port is in use (another Playground still running?); the bot still runs');
    return undefined;
  }
  const child = spawn(
    binary,
    ['-e', `http://127.0.0.1:${botPort}/api/messages`, '-c', 'msteams', '-p', String(PLAYGROUND_PORT), '--disable-telemetry'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_CONFIG_PATH: path.join(findProjectRoot(), PLAYGROUND_CONFIG) },
      stdio: 'ignore',
    },
  );
  child.on('error', (error) => log.warn({ err: error.message }, 'Agents Playground could not start'));
  return child;
}
