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
    expect(result).toMatchObject({ errors: [], warnings: [], overflow: [], truncated: [], text: 'Zażółć gęślą jaźń' });
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

  it('reports a button whose label is cut short, though the ellipsis sits on an element inside the button', async () => {
    const actions = ['Dodaj do koszyka i przejdź do podsumowania zamówienia', 'Wstecz', 'Anuluj'].map((title) => ({ type: 'Action.Submit', title }));
    const result = await renderer.render({ ...card([{ type: 'TextBlock', text: 'x' }]), actions }, { width: MOBILE_WIDTH });
    // The long label squeezes its neighbours in the row too: that is how "Wste…" came about.
    expect(result.truncated).toContainEqual(expect.stringMatching(/^button\.ac-pushButton "Dodaj do koszyka/));
    const fitting = await renderer.render({ ...card([{ type: 'TextBlock', text: 'x' }]), actions: [{ type: 'Action.Submit', title: 'Do koszyka' }] }, { width: MOBILE_WIDTH });
    expect(fitting.truncated).toEqual([]);
  });

  it("formats DATE and TIME in the reader's language and zone, in text and in facts", async () => {
    const when = '{{DATE(2026-12-04T23:30:00Z, SHORT)}} {{TIME(2026-12-04T23:30:00Z)}}';
    const timed = card([{ type: 'TextBlock', text: `Placed ${when}` }, { type: 'FactSet', facts: [{ title: 'Expires', value: when }] }]);
    const warsaw = await renderer.render(timed, { width: MOBILE_WIDTH, locale: 'pl-PL', timeZone: 'Europe/Warsaw' });
    const newYork = await renderer.render(timed, { width: MOBILE_WIDTH, locale: 'en-US', timeZone: 'America/New_York' });
    expect(warsaw.text).not.toContain('{{');
    expect(warsaw.text.match(/sob\., 5 gru 2026 0:30/g)).toHaveLength(2);
    expect(newYork.text.match(/Fri, Dec 4, 2026 6:30\sPM/g)).toHaveLength(2);
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
