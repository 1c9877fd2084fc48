import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_FOLDER, BUNDLE_INPUTS } from '../../scripts/bundle';
import { startFlags } from '../../scripts/start-flags';

// Docker cannot run here, so what can be checked without it is: every file the build copies exists and
// is not excluded, the bundle stage gets everything `npm run bundle` reads, and the runtime stage takes
// the bundle folder and starts the file package.json names.
const ROOT = path.join(__dirname, '..', '..');

interface Instruction {
  keyword: string;
  args: string;
}

function instructions(): Instruction[] {
  return readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

const ignored = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

function isIgnored(source: string): boolean {
  const top = source.replace(/^\.\//, '').split('/')[0] ?? '';
  return ignored.some((pattern) => pattern === top || (pattern.startsWith('*') && top.endsWith(pattern.slice(1))));
}

const all = instructions();
const stages = all.reduce<Instruction[][]>((list, instruction) => {
  if (instruction.keyword === 'FROM') list.push([]);
  list[list.length - 1]?.push(instruction);
  return list;
}, []);
const [build = [], runtime = []] = stages;

function copySources(stage: Instruction[]): string[] {
  return stage
    .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
    .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
}

describe('Dockerfile', () => {
  it('has two stages on Node 24, the second one running as a non-root user with a /healthz health check', () => {
    expect(stages).toHaveLength(2);
    for (const stage of stages) expect(stage[0]?.args).toMatch(/^node:24-slim\b/);
    const user = runtime.filter((i) => i.keyword === 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)$/);
    expect(runtime.find((i) => i.keyword === 'HEALTHCHECK')?.args).toContain('/healthz');
  });

  it('copies sources that exist and that .dockerignore lets through', () => {
    const sources = copySources(build);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      expect(existsSync(path.join(ROOT, source))).toBe(true);
      expect(isIgnored(source)).toBe(false);
    }
    expect(copySources(runtime)).toEqual([]);
  });

  it('gives the bundle stage every input of npm run bundle before it runs it', () => {
    const bundleStep = build.findIndex((i) => i.keyword === 'RUN' && i.args === 'npm run bundle');
    expect(bundleStep).toBeGreaterThan(0);
    const copied = copySources(build.slice(0, bundleStep)).map((source) => source.replace(/^\.\//, '').replace(/\/$/, ''));
    for (const input of BUNDLE_INPUTS) {
      expect(copied.some((source) => input === source || input.startsWith(`${source}/`))).toBe(true);
    }
  });

  it('runs the bundle folder, started by the entry point package.json names with npm start\'s Node flags', () => {
    const workdir = build.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args ?? '';
    const bundleCopy = runtime.find((i) => i.keyword === 'COPY' && i.args.startsWith('--from=bundle'));
    expect(bundleCopy?.args.split(/\s+/)[1]).toBe(`${path.posix.join(workdir, path.relative(ROOT, BUNDLE_FOLDER))}/`);
    const command = JSON.parse(runtime.find((i) => i.keyword === 'CMD')?.args ?? '[]') as string[];
    const { main } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(command).toEqual(['node', ...startFlags(), main]);
    expect(existsSync(path.join(ROOT, main.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
  });
});
