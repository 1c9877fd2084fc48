import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags `npm start` runs the bot with (package.json's start script, the one place they are
 * written). The Dockerfile and App Service's startup command carry the same (test/deploy/start-flags.test.ts),
 * and the bench gives them to the bot it measures; docs/memory.md says why each is there.
 */
export function startFlags(root = path.join(__dirname, '..')): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };
  const [node, ...words] = scripts.start.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json's start script does not run node: ${scripts.start}`);
  return words.filter((word) => word.startsWith('--'));
}
