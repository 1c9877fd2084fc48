import { cardDate, cardDateTime, cardTime, cardTimestamp } from '../../../src/i18n/card-time';
import { t } from '../../../src/i18n/translate';

/** The exact pattern the adaptivecards renderer (and Teams) accept inside DATE/TIME. */
const RFC3339_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('times in the reader\'s zone', () => {
  it('writes Partner Center and store timestamps the one way DATE and TIME accept (no fraction, UTC)', () => {
    for (const iso of ['2026-12-04T15:26:55.123Z', '2026-12-04T15:26:55Z', '2026-12-04T16:26:55+01:00', '2026-12-04T15:26:55.1234567Z']) {
      expect(cardTimestamp(iso)).toMatch(RFC3339_SECONDS);
      expect(cardTimestamp(iso)).toBe('2026-12-04T15:26:55Z');
    }
  });

  it('gives the card functions, and nothing for a missing or broken time', () => {
    expect(cardDate('2026-12-04T15:26:55.123Z')).toBe('{{DATE(2026-12-04T15:26:55Z, SHORT)}}');
    expect(cardDate('2026-12-04T15:26:55Z', 'LONG')).toBe('{{DATE(2026-12-04T15:26:55Z, LONG)}}');
    expect(cardTime('2026-12-04T15:26:55Z')).toBe('{{TIME(2026-12-04T15:26:55Z)}}');
    expect(cardDateTime('2026-12-04T15:26:55Z')).toBe('{{DATE(2026-12-04T15:26:55Z, SHORT)}} {{TIME(2026-12-04T15:26:55Z)}}');
    expect([cardDate(undefined), cardTime(null), cardDateTime('not a time')]).toEqual(['', '', '']);
  });

  it('survive a catalog message unchanged (filling escapes markdown, not these)', () => {
    const time = cardDateTime('2026-12-04T15:26:55Z');
    expect(t('pl-PL', 'approval.subtitle', { name: 'Anna', time })).toBe(`Wniosek: Anna, ${time}`);
  });
});
