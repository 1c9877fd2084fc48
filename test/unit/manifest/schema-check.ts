import { execFile } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');

/**
 * Validates a manifest with @microsoft/app-manifest's bundled schemas (offline for the
 * developer.microsoft.com `$schema` URL). It runs in a plain Node process because Jest's module runtime
 * cannot load the ES-module dependency (strip-bom) that the package requires; Node 20 can.
 */
export function validateWithBundledSchema(manifest: unknown): Promise<string[]> {
  const program = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    let input = '';
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', () => AppManifestUtils.validateAgainstSchema(JSON.parse(input))
      .then((errors) => process.stdout.write(JSON.stringify(errors))));`;
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--no-warnings', '-e', program], { cwd: ROOT }, (error, stdout, stderr) => {
      if (error) reject(new Error(`schema check failed: ${stderr || error.message}`));
      else resolve(JSON.parse(stdout) as string[]);
    });
    child.stdin!.end(JSON.stringify(manifest));
  });
}

/** Runs `npm run package`'s script as a user would, with only the given variables. */
export function runPackageScript(env: Record<string, string>, outDir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/package-app.ts', '--out-dir', outDir], { cwd: ROOT, env: { PATH: process.env.PATH, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
