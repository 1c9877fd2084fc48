import { format } from 'node:util';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * Everything the process writes while a test runs: pino's JSON lines (through the destination stream
 * createLogger takes) and what libraries print with console (botbuilder logs refused requests there).
 */
export class CapturedOutput {
  readonly logLines: string[] = [];
  readonly consoleLines: string[] = [];
  private readonly restores: (() => void)[] = [];

  /** A pino destination. */
  readonly stream = { write: (line: string): void => void this.logLines.push(line) };

  captureConsole(): void {
    for (const method of CONSOLE_METHODS) {
      const spy = jest.spyOn(console, method).mockImplementation((...args: unknown[]) => void this.consoleLines.push(format(...args)));
      this.restores.push(() => spy.mockRestore());
    }
  }

  release(): void {
    this.restores.splice(0).forEach((restore) => restore());
  }

  text(): string {
    return [...this.logLines, ...this.consoleLines].join('\n');
  }

  /** Each secret found in the output, by name (the value itself is never repeated in a failure message). */
  leaks(secrets: Record<string, string>): string[] {
    const output = this.text();
    return Object.entries(secrets).filter(([, value]) => output.includes(value)).map(([name]) => name);
  }
}
