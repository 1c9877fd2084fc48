import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES } from '../../src/config';
import { BUNDLE_FOLDER } from '../../scripts/bundle';
import { appSettingNames, readBicep } from './bicep-source';

const ROOT = path.join(__dirname, '..', '..');
const main = readBicep(path.join(ROOT, 'infra', 'main.bicep'));
/** Read by App Service and its agents, not by the bot's code. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT', 'WEBSITE_LOAD_CERTIFICATES', 'APPLICATIONINSIGHTS_CONNECTION_STRING'];

const placeholders = (text: string) => [...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1] ?? '');
const envFileNames = (file: string) =>
  readFileSync(file, 'utf8').split('\n').map((line) => /^(\w+)=/.exec(line)?.[1]).filter((name): name is string => name !== undefined);

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
const project = parse(readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8')) as Record<'provision' | 'deploy' | 'publish', Step[]> & { environmentFolderPath: string };
const steps = [...project.provision, ...project.deploy, ...project.publish];

describe('infra/main.bicep', () => {
  it('uses modules that exist, passing each every parameter it needs and nothing it does not declare', () => {
    expect(main.modules.size).toBeGreaterThan(0);
    for (const [name, module] of main.modules) {
      expect(existsSync(module.path)).toBe(true);
      const declared = readBicep(module.path);
      for (const param of module.params) expect({ module: name, param, declared: declared.params.has(param) }).toEqual({ module: name, param, declared: true });
      for (const [param, { hasDefault }] of declared.params) {
        if (!hasDefault) expect({ module: name, param, passed: module.params.has(param) }).toEqual({ module: name, param, passed: true });
      }
      for (const match of main.text.matchAll(new RegExp(`\\b${name}\\.outputs\\.(\\w+)`, 'g'))) expect(declared.outputs).toContain(match[1]);
    }
  });

  it('sets only app settings the bot reads (src/config.ts) or App Service reads', () => {
    const names = appSettingNames(main);
    expect(names).toEqual(expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'AZURE_STORAGE_ACCOUNT_URL', 'AZURE_STORAGE_CONTAINER', 'PARTNER_CENTER_BASE_URL']));
    for (const name of names) expect([...ENVIRONMENT_VARIABLES, ...PLATFORM_SETTINGS]).toContain(name);
    expect(main.text).toContain("{ name: 'MicrosoftAppType', value: 'UserAssignedMSI' }");
    expect(main.text).not.toContain('AZURE_STORAGE_CONNECTION_STRING');
  });

  it('is given every parameter without a default by infra/main.parameters.json, and only declared ones', () => {
    const { parameters } = JSON.parse(readFileSync(path.join(ROOT, 'infra', 'main.parameters.json'), 'utf8')) as { parameters: Record<string, unknown> };
    for (const name of Object.keys(parameters)) expect(main.params.has(name)).toBe(true);
    for (const [name, { hasDefault }] of main.params) if (!hasDefault) expect(Object.keys(parameters)).toContain(name);
  });

  it('outputs what npm run package needs: the bot id and its domain', () => {
    expect([...main.outputs]).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
  });
});

describe('m365agents.yml (Microsoft 365 Agents Toolkit)', () => {
  const envFolder = path.join(ROOT, project.environmentFolderPath);
  const declared = new Set(envFileNames(path.join(envFolder, '.env.dev')));

  it('refers to files that exist, the manifest the repository packages, and the folder npm run bundle writes', () => {
    const fileKeys = ['manifestPath', 'path', 'parameters'];
    const files = steps.flatMap((step) => [
      ...fileKeys.map((key) => step.with?.[key]),
      ...((step.with?.templates as Record<string, unknown>[] | undefined) ?? []).flatMap((template) => fileKeys.map((key) => template[key])),
    ]).filter((value): value is string => typeof value === 'string');
    expect(files).toEqual(expect.arrayContaining(['./manifest/manifest.json', './infra/main.bicep', './infra/main.parameters.json']));
    for (const file of files) expect({ file, exists: existsSync(path.join(ROOT, file)) }).toEqual({ file, exists: true });

    const zipDeploy = project.deploy.find((step) => step.uses === 'azureAppService/zipDeploy');
    expect(path.resolve(ROOT, String(zipDeploy?.with?.artifactFolder))).toBe(BUNDLE_FOLDER);
    const { scripts } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const step of project.deploy.filter((s) => s.uses === 'cli/runNpmCommand')) {
      const script = /^run (\S+)/.exec(String(step.with?.args))?.[1];
      if (script) expect(Object.keys(scripts)).toContain(script);
    }
  });

  it('uses only variables that env/.env.dev declares, that a step or the Bicep outputs write, or secrets from .env.dev.user', () => {
    const written = new Set([...steps.flatMap((step) => Object.values(step.writeToEnvironmentFile ?? {})), ...main.outputs]);
    const used = [
      ...placeholders(readFileSync(path.join(ROOT, 'm365agents.yml'), 'utf8')),
      ...placeholders(readFileSync(path.join(ROOT, 'infra', 'main.parameters.json'), 'utf8')),
      ...placeholders(readFileSync(path.join(ROOT, 'manifest', 'manifest.json'), 'utf8')),
    ];
    expect(used).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'TEAMS_APP_ID']));
    for (const name of used) {
      const known = declared.has(name) || written.has(name) || name.startsWith('SECRET_');
      expect({ name, known }).toEqual({ name, known: true });
    }
    for (const output of main.outputs) expect(declared).toContain(output);
  });
});
