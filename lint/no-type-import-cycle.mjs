// @ts-check
import ts from 'typescript';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * import-x/no-cycle skips `import type` (it has no option to count it), so a circle made only of type
 * imports passes it. This rule follows every relative import, type-only ones included, and reports an
 * import whose target leads back to the importing file. Files are read once per lint run.
 */
const importsOf = new Map();

/** @param {string} from @param {string} specifier */
function resolveRelative(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** @param {string} file @returns {string[]} */
function relativeImports(file) {
  let imports = importsOf.get(file);
  if (!imports) {
    const found = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    imports = found.map((entry) => resolveRelative(file, entry.fileName)).filter((target) => target !== undefined);
    importsOf.set(file, imports);
  }
  return imports;
}

/** @param {string} start @param {string} goal */
function leadsBack(start, goal) {
  const seen = new Set([start]);
  const todo = [start];
  while (todo.length > 0) {
    for (const next of relativeImports(/** @type {string} */ (todo.pop()))) {
      if (next === goal) return true;
      if (!seen.has(next)) {
        seen.add(next);
        todo.push(next);
      }
    }
  }
  return false;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noTypeImportCycle = {
  meta: { type: 'problem', messages: { cycle: 'Import cycle through "{{source}}" (type-only imports count): move the shared type to a file both can import.' }, schema: [] },
  create(context) {
    const file = context.physicalFilename;
    /** @param {import('estree').ImportDeclaration | import('estree').ExportNamedDeclaration | import('estree').ExportAllDeclaration} node */
    const check = (node) => {
      const source = node.source?.value;
      const target = typeof source === 'string' ? resolveRelative(file, source) : undefined;
      if (target && target !== file && leadsBack(target, file)) context.report({ node, messageId: 'cycle', data: { source: String(source) } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};
