import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/icons/draw-icons';
import { readZip } from './read-zip';
import { runPackageScript, validateWithBundledSchema } from './schema-check';

const BOT_ID = '6f1c0c2a-1111-4222-8333-944445555666';
const env = { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'cart.contoso.com' };

describe('the Teams app package (npm run package)', () => {
  let outDir: string;
  let run: { code: number; stdout: string; stderr: string };
  let files: Map<string, Buffer>;
  let manifest: Record<string, any>;
  beforeAll(async () => {
    outDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-package-'));
    run = await runPackageScript(env, outDir);
    files = await readZip(path.join(outDir, 'partner-cart-0.1.0.zip'));
    manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Record<string, any>;
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('is a zip named after the version with the manifest, both icons and the Polish texts at its root', () => {
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('partner-cart-0.1.0.zip');
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png', 'pl-pl.json']);
    expect(files.get('pl-pl.json')!.toString('utf8')).toBe(readFileSync(path.join(__dirname, '..', '..', '..', 'manifest', 'pl-pl.json'), 'utf8'));
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('holds a manifest that the schema bundled in @microsoft/app-manifest accepts', async () => {
    expect(manifest.$schema).toBe('https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json');
    expect(await validateWithBundledSchema(manifest)).toEqual([]);
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('takes the bot id, app id and domain from the environment', () => {
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://botid-${BOT_ID}` });
    expect(manifest.validDomains).toEqual(['cart.contoso.com']);
  });

  it('declares the bot for chats, teams and shared channels with the channel-roster permission', () => {
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(manifest.supportedChannelTypes).toContain('sharedChannels');
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: 'ChannelMember.Read.Group', type: 'Application' }]);
  });

  it('lists the commands a rep types, for every scope', () => {
    const lists = manifest.bots[0].commandLists as { scopes: string[]; commands: { title: string }[] }[];
    expect(lists.flatMap((l) => l.scopes).sort()).toEqual(['groupChat', 'personal', 'team']);
    const personal = lists.find((l) => l.scopes.includes('personal'))!.commands.map((c) => c.title);
    expect(personal).toEqual(expect.arrayContaining(['new cart', 'help', 'cancel', 'add-on', 'status', 'pending', 'audit']));
    // An admin's tool (raw offer ids) is kept out of a rep's command menu.
    expect(personal).not.toContain('new order');
  });

  it('has a 192×192 opaque colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = PNG.sync.read(files.get('color.png')!);
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(alphaValues(color).every((a) => a === 255)).toBe(true);

    const outline = PNG.sync.read(files.get('outline.png')!);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const inked = pixels(outline).filter(([, , , a]) => a > 0);
    expect(inked.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(inked.length).toBeGreaterThan(100);
    expect(inked.length).toBeLessThan(32 * 32);
  });

  it('refuses to build without the bot id and domain, naming each variable and what it expects', async () => {
    const missing = await runPackageScript({}, outDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('MicrosoftAppId: required: the Microsoft App ID of the Azure Bot registration (a GUID)');
    expect(missing.stderr).toContain('BOT_DOMAIN: required');
    const wrong = await runPackageScript({ MicrosoftAppId: 'bot', BOT_DOMAIN: 'https://cart.contoso.com/api', TEAMS_APP_PUBLISHER: 'A publisher name far longer than thirty-two' }, outDir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/MicrosoftAppId: expected a GUID/);
    expect(wrong.stderr).toMatch(/BOT_DOMAIN: expected a host name such as cart.contoso.com \(no https:\/\/, no path\)/);
    expect(wrong.stderr).toMatch(/TEAMS_APP_PUBLISHER: expected at most 32 characters/);
  });

  it('validates offline: the bundled schema rejects what Teams would (lowercase groupchat scope)', async () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots[0], scopes: ['groupchat'] }] };
    expect(await validateWithBundledSchema(broken)).toEqual([expect.stringContaining('/bots/0/scopes/0')]);
  });

  it('ships the icons scripts/icons draws (the project\'s own art)', () => {
    expect(files.get('color.png')!.equals(drawColorIcon())).toBe(true);
    expect(files.get('outline.png')!.equals(drawOutlineIcon())).toBe(true);
  });
});

function pixels(png: PNG): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i], png.data[i + 1], png.data[i + 2], png.data[i + 3]]);
  return out;
}

function alphaValues(png: PNG): number[] {
  return pixels(png).map(([, , , a]) => a);
}
