import { PNG } from 'pngjs';
import { launchCardRenderer, MOBILE_WIDTH, type CardRenderer } from '../support/chromium-cards';

/** The checks the card tests rely on must fire on cards that deserve them. */
describe('the Chromium card renderer', () => {
  let renderer: CardRenderer;
  beforeAll(async () => {
    renderer = await launchCardRenderer();
  });
  afterAll(async () => {
    await renderer.close();
  });

  const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });

  it('renders a good card at the requested width with no complaints', async () => {
    const result = await renderer.render(card([{ type: 'TextBlock', text: 'Zażółć gęślą jaźń', wrap: true }]), { width: MOBILE_WIDTH });
    expect(result).toMatchObject({ errors: [], warnings: [], overflow: [], truncated: [] });
    const png = PNG.sync.read(result.png);
    expect(png.width).toBe(MOBILE_WIDTH + 2);
    expect(png.height).toBe(result.height);
  });

  it('reports unknown elements and invalid property values as errors', async () => {
    const result = await renderer.render(card([{ type: 'Carousel3D' }, { type: 'TextBlock', text: 'x', size: 'Huge' }]), { width: MOBILE_WIDTH });
    expect(result.errors).toEqual([
      expect.stringContaining('UnknownElementType'),
      expect.stringContaining('InvalidPropertyValue: Invalid value "Huge"'),
    ]);
  });

  it('reports what sticks out of a phone screen and what is cut short', async () => {
    const columns = [1, 2, 3].map((n) => ({ type: 'Column', width: '200px', items: [{ type: 'TextBlock', text: `column ${n}`, wrap: true }] }));
    const longLine = { type: 'TextBlock', text: 'A line long enough that a phone cuts it short when it may not wrap to the next one' };
    const result = await renderer.render(card([{ type: 'ColumnSet', columns }, longLine]), { width: MOBILE_WIDTH });
    expect(result.overflow.some((o) => o.includes('column 3'))).toBe(true);
    expect(result.truncated).toEqual([expect.stringContaining('A line long enough')]);
  });

  it('keeps the page offline and says which request it blocked', async () => {
    const result = await renderer.render(card([{ type: 'Image', url: 'https://example.invalid/logo.png' }]), { width: MOBILE_WIDTH });
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.stringContaining('https://example.invalid/logo.png')]);
  });

  it('draws sharper PNGs at a higher scale', async () => {
    const result = await renderer.render(card([{ type: 'TextBlock', text: 'Hi' }]), { width: MOBILE_WIDTH, scale: 2 });
    expect(PNG.sync.read(result.png).width).toBe((MOBILE_WIDTH + 2) * 2);
  });
});
