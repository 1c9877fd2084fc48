import { command, CommandTable } from '../../../src/flows/command-table';

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
    const match = table.find('status  D51A052E-043C-4A2A-AA37-2BB938CEF6C1');
    expect(match?.route.name).toBe('status');
    expect(match?.argument).toBe('D51A052E-043C-4A2A-AA37-2BB938CEF6C1');
  });

  it('does not match a command that needs an argument without one, nor unknown text', () => {
    expect(table.find('status')).toBeUndefined();
    expect(table.find('new cartoon')).toBeUndefined();
  });

  it('refuses a command defined twice', () => {
    expect(() => new CommandTable([command('help', answer), command('help', answer)])).toThrow(/twice/);
  });
});
