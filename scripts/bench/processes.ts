import { fork, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startSandboxProcess, type SandboxProcess } from '../../test/integration/harness/sandbox-process';
import { startFlags } from '../start-flags';
import { childMessageSchema, type ChildMessage, type ParentMessage } from './child-protocol';

/** The orchestrator runs under tsx; children must run plain compiled JavaScript, as `npm start` does. */
function plainEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _loader, ...env } = process.env;
  return { ...env, ...extra };
}

/** A bot process (real or echo) driven over the fork() IPC channel. */
export class ChildBot {
  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
  ) {}

  /** `execArgv`: the real bot gets `npm start`'s flags (startFlags), the echo bot none. */
  static async fork(script: string, env: Record<string, string>, logFile: string, execArgv: string[] = []): Promise<ChildBot> {
    const log = openSync(logFile, 'a');
    const child = fork(script, [], { execArgv, env: plainEnvironment(env), stdio: ['ignore', log, log, 'ipc'] });
    const ready = await ChildBot.next(child, 'ready', 60_000);
    return new ChildBot(child, ready.type === 'ready' ? ready.port : 0);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/api/messages`;
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  async ask<T extends ChildMessage['type']>(message: ParentMessage, answer: T, timeoutMs = 120_000): Promise<Extract<ChildMessage, { type: T }>> {
    const reply = ChildBot.next(this.child, answer, timeoutMs);
    this.child.send(message);
    return (await reply) as Extract<ChildMessage, { type: T }>;
  }

  /** Resident set size as the kernel reports it (VmRSS), not as the process thinks it is. */
  async rssBytes(): Promise<number> {
    const status = await readFile(`/proc/${this.pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? Number(kb[1]) * 1024 : Number.NaN;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.send({ type: 'stop' } satisfies ParentMessage);
    await exited;
  }

  private static next(child: ChildProcess, type: ChildMessage['type'], timeoutMs: number): Promise<ChildMessage> {
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (raw: unknown) => {
        const message = childMessageSchema.safeParse(raw);
        if (!message.success) return;
        if (message.data.type === 'failed') {
          cleanup();
          reject(new Error(`child ${child.pid} failed: ${message.data.message}`));
        } else if (message.data.type === type) {
          cleanup();
          resolve(message.data);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`child ${child.pid} exited (${code}) while waiting for "${type}"`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`child ${child.pid} sent no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  }
}

/** The Partner Center sandbox in its own process (`npm run sandbox`'s entry point on a free port). */
export function startSandbox(script: string): Promise<SandboxProcess> {
  return startSandboxProcess([script], plainEnvironment({ SANDBOX_PORT: '0' }));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 0;
}

/**
 * Milliseconds from spawning `node <npm start's flags> <script>` to the first 200 from GET /healthz. There is no event to
 * wait on from outside the process, so /healthz is polled every 2 ms with a deadline.
 */
export async function timeToHealthy(script: string, env: Record<string, string>, deadlineMs = 30_000): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), script], { env: plainEnvironment({ ...env, PORT: String(port) }), stdio: 'ignore' });
  try {
    while (performance.now() - started < deadlineMs) {
      if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode} before /healthz answered`);
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (healthy) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    throw new Error(`/healthz did not answer within ${deadlineMs} ms`);
  } finally {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
  }
}
