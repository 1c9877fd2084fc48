import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ZipFile } from 'yazl';
import { z } from 'zod';
import { languageFiles } from './manifest-languages';

const ROOT = path.join(__dirname, '..');
const MANIFEST_DIR = path.join(ROOT, 'manifest');
/** Teams looks for the manifest and both icons at the root of the zip (docs/platform-notes.md, "The Teams app package"). */
const PACKAGE_FILES = ['color.png', 'outline.png'] as const;

const guid = (what: string) =>
  z
    .string({ error: `required: ${what} (a GUID)` })
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `expected a GUID: ${what}`);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());
const httpsUrl = z.url({ protocol: /^https$/, error: 'expected an https:// URL' });

/** The variables `npm run package` reads; each problem names the variable and what it expects. */
const packageEnvironment = z.object({
  MicrosoftAppId: guid('the Microsoft App ID of the Azure Bot registration'),
  BOT_DOMAIN: z
    .string({ error: 'required: the host name of the bot\'s messaging endpoint, e.g. cart.contoso.com' })
    .trim()
    .regex(/^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'expected a host name such as cart.contoso.com (no https://, no path)'),
  TEAMS_APP_ID: optional(guid('the Teams app id (defaults to MicrosoftAppId)')),
  TEAMS_APP_VERSION: optional(z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a version such as 1.2.3')),
  TEAMS_APP_PUBLISHER: optional(z.string().max(32, 'expected at most 32 characters')),
  TEAMS_APP_WEBSITE_URL: optional(httpsUrl),
  TEAMS_APP_PRIVACY_URL: optional(httpsUrl),
  TEAMS_APP_TERMS_URL: optional(httpsUrl),
});

class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cannot build the Teams app package:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

/**
 * The value of every `${{NAME}}` placeholder in manifest/manifest.json. The names are the Agents Toolkit's
 * (m365agents.yml fills the same file from env/.env.<environment>), so the manifest has one source.
 */
function manifestValues(env: Record<string, string | undefined>): Record<string, string> {
  const parsed = packageEnvironment.safeParse(env);
  if (!parsed.success) throw new PackageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  const e = parsed.data;
  const website = e.TEAMS_APP_WEBSITE_URL ?? `https://${e.BOT_DOMAIN}/`;
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  return {
    BOT_ID: e.MicrosoftAppId,
    BOT_DOMAIN: e.BOT_DOMAIN,
    TEAMS_APP_ID: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    TEAMS_APP_VERSION: e.TEAMS_APP_VERSION ?? version,
    TEAMS_APP_PUBLISHER: e.TEAMS_APP_PUBLISHER ?? 'Partner Cart',
    TEAMS_APP_WEBSITE_URL: website,
    TEAMS_APP_PRIVACY_URL: e.TEAMS_APP_PRIVACY_URL ?? website,
    TEAMS_APP_TERMS_URL: e.TEAMS_APP_TERMS_URL ?? website,
  };
}

/** Replaces placeholders inside string values only, so a value can never break the JSON. */
function fillPlaceholders(node: unknown, values: Record<string, string>): unknown {
  if (typeof node === 'string') {
    return node.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => {
      if (!(name in values)) throw new PackageError([`manifest/manifest.json: unknown placeholder ${whole}`]);
      return values[name];
    });
  }
  if (Array.isArray(node)) return node.map((item) => fillPlaceholders(item, values));
  if (node && typeof node === 'object') {
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fillPlaceholders(value, values)]));
  }
  return node;
}

interface BuiltPackage {
  zipPath: string;
  bytes: number;
  manifest: Record<string, unknown>;
}

/** Fills the manifest, validates it against the schema bundled in @microsoft/app-manifest (offline), zips it. */
async function buildAppPackage(env: Record<string, string | undefined>, outDir = path.join(ROOT, 'dist')): Promise<BuiltPackage> {
  const template = JSON.parse(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8')) as unknown;
  const manifest = fillPlaceholders(template, manifestValues(env)) as Record<string, unknown>;
  const schemaErrors = await AppManifestUtils.validateAgainstSchema(manifest as never);
  if (schemaErrors.length > 0) throw new PackageError(schemaErrors.map((error) => `manifest.json${error}`));

  const zip = new ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  for (const file of [...PACKAGE_FILES, ...languageFiles(manifest)]) zip.addBuffer(readFileSync(path.join(MANIFEST_DIR, file)), file);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);

  mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `partner-cart-${String(manifest.version)}.zip`);
  writeFileSync(zipPath, content);
  return { zipPath, bytes: content.length, manifest };
}

/** `--out-dir <dir>` writes the zip somewhere other than dist/ (tests use a temporary folder). */
function outDirArgument(argv: string[]): string | undefined {
  const index = argv.indexOf('--out-dir');
  return index >= 0 ? path.resolve(argv[index + 1] ?? '') : undefined;
}

if (require.main === module) {
  buildAppPackage(process.env, outDirArgument(process.argv)).then(
    ({ zipPath, bytes, manifest }) => {
      process.stdout.write(`Teams app package: ${path.relative(process.cwd(), zipPath)} (${bytes} bytes, manifest ${String(manifest.manifestVersion)}, app ${String(manifest.id)})\n`);
      process.stdout.write('Upload it in Teams (Apps > Manage your apps > Upload an app) or in the Teams admin center.\n');
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
