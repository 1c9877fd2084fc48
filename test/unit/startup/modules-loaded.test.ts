import { execFile } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..', '..');

/**
 * What a bot on the embedded store talking to the real Partner Center with a client secret loads: every
 * module index.ts composes it from, in a fresh Node process (jest's own module registry would not show
 * what Node keeps). Each module loaded stays in the V8 heap for the life of the process (docs/memory.md).
 */
async function modulesLoadedAtStart(): Promise<string[]> {
  const script = `
    require('./src/app');
    require('./src/connect-partner-center');
    require('./src/store/create-storage');
    require('./src/partner-center/certificate');
    process.stdout.write(JSON.stringify(Object.keys(require.cache)));
  `;
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', tsx, '-e', script], { cwd: ROOT });
  return JSON.parse(stdout) as string[];
}

describe('modules loaded at start', () => {
  it('leaves out the sandbox, Blob storage and node-forge until their configuration asks for them', async () => {
    const loaded = await modulesLoadedAtStart();
    expect(loaded.some((file) => file.includes(`${path.sep}src${path.sep}app.ts`))).toBe(true);
    const unused = ['src/sandbox/', 'src/store/blob-', 'node_modules/@azure/storage-blob/', 'node_modules/node-forge/', 'node_modules/selfsigned/'];
    for (const part of unused) expect(loaded.filter((file) => file.split(path.sep).join('/').includes(part))).toEqual([]);
  }, 60_000);
});
