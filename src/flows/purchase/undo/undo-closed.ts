import { cardDateTime } from '../../../i18n/card-time';
import { t } from '../../../i18n/translate';
import type { TurnResult } from '../../ports';
import { noticeCard } from '../../views/notice-card';

/**
 * An Undo pressed after its window closed (a card drawn before then still shows the button): when it
 * closed, to the clicker alone. Nothing is sent to Partner Center.
 */
export function undoClosed(locale: string, message: 'seats.undo.closedText' | 'undo.closed.text', closedAt: Date): TurnResult {
  return { card: noticeCard(t(locale, 'seats.undo.closedTitle'), t(locale, message, { date: cardDateTime(closedAt.toISOString()) })), audience: 'clicker' };
}
