import { catalogs } from '../../../src/i18n/catalogs';
import { textsOf } from '../../../src/i18n/plural';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsUser } from '../harness/teams-client';
import type { Card } from '../bot/card-helpers';
import { commandWordOf, manifestCommandTitles } from '../../support/manifest-commands';
import { tourCancel, tourPurchase, tourRefusedCheckout, type TourCard } from '../../support/purchase-tour';

const rep: TeamsUser = { id: '29:polish-rep', aadObjectId: '55555555-5555-4555-8555-555555555555', name: 'Paweł Przedstawiciel', tenantId: 'partner-tenant' };
const RESULTS_CHANNEL = '19:wyniki@thread.tacv2';

/** Keys whose value is data rather than words (identifiers, formats) are the same in both languages. */
const english = catalogs['en-US'];
const polish = catalogs['pl-PL'];
const translatedKeys = (Object.keys(english) as (keyof typeof english)[]).filter((key) => english[key] !== polish[key]);
/** Whole English messages, and the literal stretches between their `{placeholders}` long enough to be telling. */
const englishMessages = new Set(translatedKeys.flatMap((key) => textsOf(english[key])));
const englishFragments = [...new Set(translatedKeys.flatMap((key) => textsOf(english[key]).flatMap((text) => text.split(/\{\w+\}/).map((f) => f.trim()).filter((f) => f.length >= 12))))];

/** Strings a rep reads: every string in the card except identifiers, verbs, ids and the data sent back. */
const NOT_READ = new Set(['type', 'version', '$schema', 'id', 'verb', 'data', 'style', 'value', 'valueOn', 'valueOff', 'dataset', 'color', 'size', 'weight', 'spacing', 'width', 'horizontalAlignment', 'associatedInputs']);
function readableTexts(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return NOT_READ.has(key) ? [] : [node];
  if (Array.isArray(node)) return node.flatMap((n) => readableTexts(n, key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => (k === 'data' ? [] : readableTexts(v, k)));
  return [];
}

/** Command words stay as typed whatever the language: the bot and Teams' command menu know them so. */
const COMMAND_WORDS = new Set(manifestCommandTitles());

function englishIn(card: Card): string[] {
  return readableTexts(card).filter((text) => !COMMAND_WORDS.has(commandWordOf(text))).flatMap((text) => [
    ...(englishMessages.has(text) ? [text] : []),
    ...englishFragments.filter((fragment) => text.includes(fragment)).map((fragment) => `"${fragment}" in "${text}"`),
  ]);
}

describe('a rep whose Teams speaks Polish', () => {
  let bot: BotUnderTest;
  const cards: TourCard[] = [];
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { RESULTS_CHANNEL_ID: RESULTS_CHANNEL } });
    const party = (id: string) => ({ bot, rep, chat: { id, conversationType: 'personal' as const }, locale: 'pl-PL' });
    cards.push(...(await tourPurchase({ ...party('a:pl-purchase'), resultsChannelId: RESULTS_CHANNEL })));
    cards.push(...(await tourCancel(party('a:pl-cancel'))));
    cards.push(...(await tourRefusedCheckout(party('a:pl-refused'))));
  });
  afterAll(() => bot?.stop());

  it('sees no English catalog text on any card of a whole purchase', () => {
    expect(cards.length).toBeGreaterThan(10);
    expect(cards.flatMap(({ step, card }) => englishIn(card).map((found) => `${step}: ${found}`))).toEqual([]);
  });

  it('sees Polish words, and amounts and dates written the Polish way', () => {
    const review = JSON.stringify(cards.find((c) => c.step === 'review')!.card);
    expect(review).toContain(polish['common.cancel']);
    expect(review).toMatch(/\d,\d{2}\s?USD/);
    expect(review).not.toMatch(/\$\d/);
    // A moment (the cart's expiry) is left to the reader's Teams, which writes it in their language and zone.
    expect(review).toMatch(/\{\{DATE\(\d{4}-\d{2}-\d{2}T[\d:.]+Z, SHORT\)\}\} \{\{TIME\(/);
    // A calendar date the bot writes itself (a co-term end date on the line card) is written the Polish way.
    const line = JSON.stringify(cards.find((c) => c.step === 'line')!.card);
    expect(line).toMatch(/\d{1,2} [a-ząćęłńóśźż]{3,}\.? \d{4}/);
  });

  it('sends X-Locale: pl-PL with every Partner Center call made for the rep', () => {
    const locales = new Set(bot.sandbox.requests.map((r) => r.headers['x-locale']));
    expect([...locales]).toEqual(['pl-PL']);
  });

  it('would catch English: the check finds the English text of a card built for en-US', async () => {
    const englishChat = { id: 'a:en-control', conversationType: 'personal' as const };
    const [welcome] = await tourCancel({ bot, rep, chat: englishChat, locale: 'en-US' });
    expect(englishIn(welcome.card)).not.toEqual([]);
  });
});
