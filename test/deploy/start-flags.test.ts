import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startFlags } from '../../scripts/start-flags';

const ROOT = path.join(__dirname, '..', '..');

describe("npm start's Node flags", () => {
  it('bound the V8 heap, so its growth does not depend on the memory of the machine or the Node version (docs/memory.md)', () => {
    expect(startFlags()).toContainEqual(expect.stringMatching(/^--max-old-space-size=\d+$/));
    expect(startFlags()).toContainEqual(expect.stringMatching(/^--max-semi-space-size=\d+$/));
  });

  it('are the flags of App Service\'s startup command', () => {
    const bicep = readFileSync(path.join(ROOT, 'infra', 'modules', 'app-service.bicep'), 'utf8');
    const command = /appCommandLine: '([^']+)'/.exec(bicep)?.[1];
    expect(command).toBe(['node', ...startFlags(), 'dist/src/index.js'].join(' '));
  });
});
