import { command, CommandTable } from '../../../src/flows/command-table';
import { CONTOSO_E3_ORDER_ID } from '../../../src/sandbox/data/seed-ids';

const answer = async () => ({});

describe('CommandTable', () => {
  const table = new CommandTable([
    command('new cart', answer),
    command('status', answer, { argument: 'required' }),
  ]);

  it('matches whatever the case and spacing', () => {
    expect(table.find('  New   CART ')?.route.name).toBe('new cart');
  });

  it('hands the rest of the message to a command that takes an argument, keeping its case', () => {
    const match = table.find(`status  ${CONTOSO_E3_ORDER_ID}`);
    expect(match?.route.name).toBe('status');
    expect(match?.argument).toBe(CONTOSO_E3_ORDER_ID);
  });

  it('recognises a command typed without the argument it needs, so its usage can be shown', () => {
    expect(table.find('Status')).toMatchObject({ argument: '', missingArgument: true });
    expect(table.find('new cart')?.missingArgument).toBe(false);
  });

  it('does not match unknown text or a longer word', () => {
    expect(table.find('new cartoon')).toBeUndefined();
    expect(table.find('statuses')).toBeUndefined();
  });

  it('refuses a command defined twice', () => {
    expect(() => new CommandTable([command('help', answer), command('help', answer)])).toThrow(/twice/);
  });
});
