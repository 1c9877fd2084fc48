import { z } from 'zod';
import { t } from '../../i18n/translate';
import type { Logger } from '../../logger';
import { describeTurn } from '../../telemetry/turn-span';
import type { AccessGate } from '../access/access-gate';
import type { PurchaseDeps } from '../purchase/purchase-deps';
import { searchCustomers, searchProducts } from '../customer/catalog-search';
import { noticeCard } from '../views/notice-card';
import { welcomeCard } from '../cart/views/welcome-card';
import { declaredVerbs } from '../card-verb';
import { sharedVerbs } from '../purchase/shared-verbs';
import { command, CommandTable } from '../command-table';
import type { AccessLevel, Feature } from '../feature';
import { SlowDownError } from '../limits/usage-limits';
import type { ActionTurn, AdaptiveCard, CommandTurn, SearchResult, SearchTurn, TurnHandlers, TurnResult } from '../ports';
import { VerbTable } from '../verb-table';

/** Teams' typeahead shows 15 choices. It answers the pickers of cards posted before they became one-tap rows. */
const MAX_CHOICES = 15;

const searchDataSchema = z.object({ purchaseId: z.uuid() });

/** The flows behind the Teams handler: the features' commands and verbs, and typeahead searches. */
export function createTurnHandlers(deps: PurchaseDeps, features: Feature[], gate: AccessGate, log: Logger): TurnHandlers {
  const verbs = new VerbTable(features.flatMap((f) => f.routes), declaredVerbs());
  const knownVerbs = new Set(verbs.verbs());
  const commandLevels = new Map(features.flatMap((f) => f.commands.map((c) => [c.name, f.access.commands] as const)));
  const verbLevels = new Map(features.flatMap((f) => f.routes.map((r) => [r.verb.name, f.access.verbs] as const)));
  // Unknown commands and verbs only earn a "did not understand", which is still for the partner's own people.
  const levelOf = (turn: CommandTurn | ActionTurn): AccessLevel =>
    (turn.kind === 'command' ? commandLevels.get(commands.find(turn.text)?.route.name ?? '') : verbLevels.get(turn.verb)) ?? 'use';
  // `help` lists every other command the asker may use, so it is the one command that needs the whole table.
  const commands: CommandTable = new CommandTable([
    ...features.flatMap((f) => f.commands),
    command('help', async (turn) => ({ card: welcomeCard(turn.locale, usableBy(turn)) }), { help: { description: 'welcome.cmd.help' } }),
  ]);
  // Admin tools are listed to admins only; the welcome, before anyone has asked for anything, is a rep's.
  const forReps = () => commands.list().filter((c) => commandLevels.get(c.name) !== 'admin');
  const usableBy = (turn: CommandTurn) => (gate.allows(turn, 'admin') ? commands.list() : forReps());
  return {
    async handle(turn: CommandTurn | ActionTurn): Promise<TurnResult> {
      const refused = await gate.check(turn, levelOf(turn));
      if (refused) return refused;
      return dispatch(turn).catch(async (error: unknown): Promise<TurnResult> => {
        if (!(error instanceof SlowDownError)) throw error;
        if (error.firstRefusal) await gate.slowedDown(turn, error.use);
        return { card: slowDownCard(turn.locale, error), audience: 'clicker' };
      });
    },
    async search(turn: SearchTurn): Promise<SearchResult[]> {
      // Typeahead only serves carts being built, and its answer has no room for a card: refused = no results.
      if (await gate.check(turn, 'buy')) return [];
      return typeahead(turn).catch(async (error: unknown): Promise<SearchResult[]> => {
        if (!(error instanceof SlowDownError)) throw error;
        if (error.firstRefusal) await gate.slowedDown(turn, error.use);
        return [];
      });
    },
    welcome: (locale) => welcomeCard(locale, forReps()),
    failure: (locale) => noticeCard(t(locale, 'failure.title'), t(locale, 'failure.text'), '', [sharedVerbs.cartStart.action(t(locale, 'common.newCart'), {})]),
    noticeCard: (locale, text) => noticeCard(t(locale, 'welcome.title'), text),
  };

  async function dispatch(turn: CommandTurn | ActionTurn): Promise<TurnResult> {
    if (turn.kind === 'command') {
      const match = commands.find(turn.text);
      describeTurn(match ? { command: match.route.name } : { outcome: 'unknown_command' });
      if (match?.missingArgument) return { card: welcomeCard(turn.locale, [match.route]), audience: 'clicker' };
      if (match) return match.route.handle(turn, match.argument);
      return { notice: t(turn.locale, 'unknownCommand', { text: turn.text.slice(0, 60) }) };
    }
    describeTurn(knownVerbs.has(turn.verb) ? { verb: turn.verb } : { outcome: 'unknown_verb' });
    const outcome = await verbs.dispatch(turn);
    if (outcome.kind === 'handled') return outcome.result;
    if (outcome.kind === 'bad_payload') describeTurn({ outcome: 'bad_payload' });
    log.warn({ verb: turn.verb.slice(0, 64), outcome: outcome.kind, issues: outcome.kind === 'bad_payload' ? outcome.issues : [] }, 'refused card payload');
    return { card: noticeCard(t(turn.locale, 'badInput.title'), t(turn.locale, 'badInput.text')), audience: 'clicker' };
  }

  async function typeahead(turn: SearchTurn): Promise<SearchResult[]> {
    const data = searchDataSchema.safeParse(turn.data);
    if (!data.success) return [];
    const loaded = await deps.purchases.load(data.data.purchaseId);
    if (!loaded || loaded.purchase.owner.aadObjectId !== turn.actor.aadObjectId) return [];
    const query = turn.queryText.trim();
    if (turn.dataset === 'customers') return query.length < 2 ? [] : (await searchCustomers(deps, loaded.purchase, query)).slice(0, MAX_CHOICES);
    if (turn.dataset === 'products') return (await searchProducts(deps, loaded.purchase, query)).slice(0, MAX_CHOICES);
    return [];
  }
}

function slowDownCard(locale: string, error: SlowDownError): AdaptiveCard {
  const what = t(locale, error.use === 'search' ? 'access.slowDown.search' : 'access.slowDown.draft');
  return noticeCard(t(locale, 'access.slowDown.title'), t(locale, 'access.slowDown.text', { what, seconds: error.retryAfterSeconds }));
}
