import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The declarations of a Bicep file, read from its text: no Bicep compiler is installable from the npm
 * registry, so these checks stand in for `bicep build` on what can go wrong between files.
 */
interface BicepFile {
  file: string;
  text: string;
  params: Map<string, { hasDefault: boolean }>;
  outputs: Set<string>;
  modules: Map<string, { path: string; params: Set<string> }>;
}

export function readBicep(file: string): BicepFile {
  const text = readFileSync(file, 'utf8');
  const params = new Map<string, { hasDefault: boolean }>();
  for (const match of text.matchAll(/^param (\w+) \w+( =)?/gm)) params.set(match[1] ?? '', { hasDefault: Boolean(match[2]) });
  const outputs = new Set([...text.matchAll(/^output (\w+) /gm)].map((match) => match[1] ?? ''));
  const modules = new Map<string, { path: string; params: Set<string> }>();
  for (const match of text.matchAll(/^module (\w+) '([^']+)' = \{\n([\s\S]*?)^\}/gm)) {
    const body = match[3] ?? '';
    const multiLine = /params: \{\n([\s\S]*?)\n {2}\}/.exec(body)?.[1];
    const inline = /params: \{ ([^\n]*) \}/.exec(body)?.[1];
    const found = multiLine !== undefined ? multiLine.matchAll(/^\s*(\w+):/gm) : (inline ?? '').matchAll(/(?:^|,)\s*(\w+):/g);
    const names = [...found].map((name) => name[1] ?? '');
    modules.set(match[1] ?? '', { path: path.join(path.dirname(file), match[2] ?? ''), params: new Set(names) });
  }
  return { file, text, params, outputs, modules };
}

/** `{ name: 'X', value: ... }` entries: the app settings. */
export function appSettingNames(bicep: BicepFile): string[] {
  return [...bicep.text.matchAll(/\{ name: '([^']+)', value: /g)].map((match) => match[1] ?? '');
}
