import { readFileSync } from 'node:fs';
import path from 'node:path';

interface ManifestCommandList {
  scopes: string[];
  commands: { title: string }[];
}

/** The commands Teams offers in its command menu, from manifest/manifest.json (every scope, once each). */
export function manifestCommandTitles(): string[] {
  const file = path.join(__dirname, '..', '..', 'manifest', 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { bots: { commandLists: ManifestCommandList[] }[] };
  return [...new Set(manifest.bots[0].commandLists.flatMap((list) => list.commands.map((c) => c.title)))];
}

/**
 * "status [order id]" → "status": a help card shows a command word plus what to type after it, in square
 * brackets (Teams' markdown drops anything written like an HTML tag, such as "<order id>").
 */
export const commandWordOf = (usage: string): string => usage.replace(/\s*\[.*\]$/, '');
