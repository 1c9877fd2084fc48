import { z } from 'zod';
import { declaredVerbs, defineVerb } from '../../../src/flows/card-verb';
import type { ActionTurn } from '../../../src/flows/ports';
import { purchaseRefSchema } from '../../../src/flows/purchase/payloads';
import { VerbTable } from '../../../src/flows/verb-table';

const ref = { purchaseId: '6f1c2a9e-1b2c-4d3e-8f40-5a6b7c8d9e0f', version: 3 };
const turnWith = (verb: string, data: unknown) => ({ verb, data }) as ActionTurn;
const answered = (text: string) => async () => ({ notice: text });

describe('card verbs: declared once, routed and drawn from the declaration', () => {
  const pick = defineVerb('test.pick', purchaseRefSchema.extend({ choice: z.string().max(10), note: z.string().optional() }), { inputs: ['choice'] });
  const start = defineVerb('test.start', z.object({}));

  it('builds the card action with the verb on the wire, the carried data and a style', () => {
    expect(pick.action('Pick', ref, 'positive')).toEqual({ title: 'Pick', verb: 'test.pick', data: ref, style: 'positive' });
    expect(start.action('Go', {})).toEqual({ title: 'Go', verb: 'test.start', data: {}, style: 'default' });
  });

  it('does not compile a payload the schema does not take, nor one that carries what the inputs fill', () => {
    // @ts-expect-error the version is missing
    expect(pick.action('Pick', { purchaseId: ref.purchaseId }).verb).toBe('test.pick');
    // @ts-expect-error `choice` comes from the card's input, not from the action's data
    expect(pick.action('Pick', { purchaseId: ref.purchaseId, version: ref.version, choice: 'a' }).verb).toBe('test.pick');
    // @ts-expect-error not a field of the payload
    expect(start.action('Go', { purchaseId: ref.purchaseId }).verb).toBe('test.start');
  });

  it('routes a click through the schema: the handler gets the parsed payload, a bad one never reaches it', async () => {
    const seen: unknown[] = [];
    const table = new VerbTable(
      [pick.route(async (_turn, payload) => { seen.push(payload); return { notice: payload.choice }; }), start.route(answered('started'))],
      [pick, start],
    );
    expect(await table.dispatch(turnWith('test.pick', { ...ref, choice: 'b', extra: 1 }))).toEqual({ kind: 'handled', result: { notice: 'b' } });
    expect(seen).toEqual([{ ...ref, choice: 'b' }]);
    const refused = await table.dispatch(turnWith('test.pick', { ...ref, choice: 'x'.repeat(11) }));
    expect(refused.kind).toBe('bad_payload');
    expect(seen).toHaveLength(1);
    expect(await table.dispatch(turnWith('test.other', {}))).toEqual({ kind: 'unknown_verb' });
  });

  it('refuses to start with a declared verb no feature routes', () => {
    expect(() => new VerbTable([start.route(answered('started'))], [pick, start])).toThrow('declared verbs no feature routes: test.pick');
  });

  it('refuses a verb routed twice, and a route not built from a declaration the bot knows', () => {
    expect(() => new VerbTable([start.route(answered('a')), start.route(answered('b'))], [start])).toThrow('verb test.start is routed twice');
    expect(() => new VerbTable([pick.route(answered('a')), start.route(answered('b'))], [start])).toThrow(
      'verb test.pick is routed but not declared with defineVerb',
    );
  });

  it('keeps one declaration per verb name in the registry', () => {
    expect(() => defineVerb('test.start', z.object({}))).toThrow('verb test.start is declared twice');
    expect(declaredVerbs()).toEqual(expect.arrayContaining([pick, start]));
  });
});
