import { displayText, MAX_CARD_BYTES } from '../../cards/card-guard';
import { renderCard } from '../../cards/render-card';
import { resolveLocale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/catalogs';
import { t } from '../../i18n/translate';
import type { AuditOutcome, AuditRecord } from '../../store/audit-log';
import type { AdaptiveCard } from '../ports';

/** A screenful or two on a phone; the rest is left to the export, and the card says so. */
const MAX_RECORDS_SHOWN = 25;
const MAX_FIELD_LENGTH = 80;
const MAX_ORDER_IDS_SHOWN = 3;
/** The template's JSON around one record's texts (a Container and three TextBlocks), rounded up. */
const RECORD_OVERHEAD_BYTES = 450;
/** What the records may take of the card budget: the title, summary and card skeleton need the rest. */
const RECORDS_BUDGET_BYTES = MAX_CARD_BYTES - 2048;

const OUTCOME_TEXT: Record<AuditOutcome, MessageKey> = {
  succeeded: 'audit.outcome.succeeded',
  failed: 'audit.outcome.failed',
  denied: 'audit.outcome.denied',
  conflict: 'audit.outcome.conflict',
};

/** The records about a customer or an order, newest first, as one compact card (phones first: no columns). */
export function auditTrailCard(locale: string, subjectId: string, newestFirst: readonly AuditRecord[]): AdaptiveCard {
  const shown = withinBudget(newestFirst.slice(0, MAX_RECORDS_SHOWN).map((record) => recordView(locale, record)));
  const count = newestFirst.length;
  return renderCard('audit-trail', {
    title: displayText(t(locale, 'audit.title', { id: clip(subjectId) })),
    summary: count > shown.length ? t(locale, 'audit.truncated', { shown: shown.length, count }) : t(locale, 'audit.summary', { count }),
    records: shown,
  });
}

interface RecordView {
  headline: string;
  who: string;
  refs: string;
}

function recordView(locale: string, record: AuditRecord): RecordView {
  return {
    headline: displayText(`${timestamp(locale, record.at)} · ${clip(record.action)} · ${t(locale, OUTCOME_TEXT[record.outcome])}`),
    who: displayText(t(locale, 'audit.who', { name: clip(record.actor.name ?? t(locale, 'audit.unknownName')), tenant: clip(record.actor.tenantId) })),
    refs: displayText(references(locale, record)),
  };
}

/** The leading records whose text fits the budget: names and ids in other scripts take up to 4 bytes a character. */
function withinBudget(views: RecordView[]): RecordView[] {
  let used = 0;
  const fitting = views.findIndex((view) => (used += Buffer.byteLength(JSON.stringify(view)) + RECORD_OVERHEAD_BYTES) > RECORDS_BUDGET_BYTES);
  return fitting === -1 ? views : views.slice(0, fitting);
}

function references(locale: string, record: AuditRecord): string {
  const orderIds = record.orderIds ?? [];
  const orders = orderIds.slice(0, MAX_ORDER_IDS_SHOWN).map(clip).join(', ') + (orderIds.length > MAX_ORDER_IDS_SHOWN ? ', …' : '');
  return [
    record.cartId ? t(locale, 'audit.cart', { id: clip(record.cartId) }) : '',
    orders ? t(locale, 'audit.orders', { ids: orders }) : '',
    record.correlationId ? t(locale, 'audit.correlation', { id: clip(record.correlationId) }) : '',
  ].filter((part) => part !== '').join(' · ');
}

/** To the second, in UTC: an audit trail is compared across people and time zones. */
function timestamp(locale: string, iso: string): string {
  const format = new Intl.DateTimeFormat(resolveLocale(locale), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  return `${format.format(new Date(iso))} UTC`;
}

function clip(text: string): string {
  return text.length > MAX_FIELD_LENGTH ? `${text.slice(0, MAX_FIELD_LENGTH - 1)}…` : text;
}
