import { execFile } from 'node:child_process';
import path from 'node:path';
import { readableLine } from '../../../src/readable-log';

const ROOT = path.join(__dirname, '..', '..', '..');

/** Starts the real entry point with the given variables; with a bad one it must stop before listening. */
function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(tsx, ['src/index.ts'], { cwd: ROOT, env: { PATH: process.env.PATH, ...env }, timeout: 15_000 }, (error, _stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stderr });
    });
  });
}

describe('start-up', () => {
  it('stops on a bad variable, naming it and what it expects, and points at the README', async () => {
    const { code, stderr } = await start({ PORT: 'eighty', PLAYGROUND: 'maybe' });
    expect(code).toBe(1);
    expect(stderr).toContain('Partner Cart cannot start. Configuration error:');
    expect(stderr).toContain('PORT: expected a port number');
    expect(stderr).toMatch(/PLAYGROUND: .*"on"\|"off"/);
    expect(stderr).toContain('See the Configuration table in README.md.');
  });

  it('will not listen beyond loopback without authentication, nor run production against the embedded sandbox', async () => {
    const [open, production] = await Promise.all([
      start({ HOST: '0.0.0.0', PLAYGROUND: 'off' }),
      start({ NODE_ENV: 'production', MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', MicrosoftAppTenantId: 'tenant', PLAYGROUND: 'off' }),
    ]);
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('MicrosoftAppId: required when listening on HOST=0.0.0.0, which is not loopback');
    expect(open.stderr).toContain('PARTNER_CENTER_BASE_URL: required when listening on HOST=0.0.0.0');
    expect(production.code).toBe(1);
    expect(production.stderr).toContain('PARTNER_CENTER_BASE_URL: required when NODE_ENV=production (the embedded sandbox is for local use only');
  }, 30_000);

  it('prints log lines for a person when the output is a terminal', () => {
    const line = JSON.stringify({ level: 30, time: Date.UTC(2026, 10, 22, 9, 5, 7), pid: 1, hostname: 'h', storage: 'embedded (files in ./data)', msg: 'storage ready' });
    expect(readableLine(line)).toBe('09:05:07 INFO  storage ready  storage="embedded (files in ./data)"\n');
  });
});
