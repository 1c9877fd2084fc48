import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { bundledChromium, bundledChromiumFolder } from '../support/bundled-chromium';
import { launchCardRenderer, MOBILE_WIDTH } from '../support/chromium-cards';

/** The Chromium from @sparticuz/chromium, used on machines without Debian's, unpacked here into a folder of its own. */
describe('the bundled Chromium', () => {
  const base = mkdtempSync(path.join(tmpdir(), 'bundled-chromium-test-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('is unpacked once into place by two runs at the same time, never from what a killed unpack left', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const abandoned = `${bundledChromiumFolder(base)}.unpacking-${deadPid}-x1y2z3`;
    mkdirSync(abandoned);
    writeFileSync(path.join(abandoned, 'chromium'), 'truncated');

    const [first, second] = await Promise.all([bundledChromium(base), bundledChromium(base)]);

    expect(second).toEqual(first);
    expect(readdirSync(base)).toEqual([path.basename(bundledChromiumFolder(base))]);
    const version = spawnSync(first.executablePath, ['--version'], { encoding: 'utf8', env: { ...process.env, ...first.env } });
    expect(version.stdout).toMatch(/^Chromium \d+/);
  }, 120_000);

  it('draws text with the font it is given', async () => {
    const renderer = await launchCardRenderer(await bundledChromium(base));
    try {
      const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Zażółć gęślą jaźń', size: 'ExtraLarge' }] };
      const result = await renderer.render(card, { width: MOBILE_WIDTH });
      expect(result.errors).toEqual([]);
      const png = PNG.sync.read(result.png);
      const darkPixels = Array.from({ length: png.width * png.height }, (_, i) => png.data[i * 4]).filter((red) => red < 100);
      expect(darkPixels.length).toBeGreaterThan(200);
    } finally {
      await renderer.close();
    }
  });
});
