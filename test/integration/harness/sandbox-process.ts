import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { sandboxTokenProvider } from '../../../src/connect-partner-center';
import type { AccessTokenProvider } from '../../../src/partner-center';
import { SHARED_SANDBOX_CREDENTIALS, type SandboxCredentials } from '../../../src/sandbox';

export interface SandboxProcess {
  baseUrl: string;
  authorityHost: string;
  credentials: SandboxCredentials;
  certificateFile: string;
  tlsCertificate: string;
  /** What a bot process needs to use this sandbox, as its start-up lines and the README say. */
  botEnvironment(): Record<string, string>;
  /** App-only tokens from its Entra ID, for calls a test or tool makes itself. */
  tokens: AccessTokenProvider;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Starts `npm run sandbox`'s entry point (`command` runs src/sandbox/main.ts, compiled or through tsx) and
 * reads where it listens and which certificate to trust from its start-up lines. The client secret is
 * not printed: it is the published one of the shared sandbox.
 */
export async function startSandboxProcess(command: string[], env: NodeJS.ProcessEnv): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, command, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const lines = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (/NODE_EXTRA_CA_CERTS=\S+\n/.test(output)) resolve(output);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}): ${output}`)));
  });
  const value = (pattern: RegExp): string => {
    const found = pattern.exec(lines)?.[1];
    if (!found) throw new Error(`the sandbox did not print ${pattern}: ${lines}`);
    return found;
  };
  const baseUrl = value(/listening on (http:\/\/\S+) /);
  const authorityHost = value(/PARTNER_CENTER_AUTHORITY=(\S+)/);
  const certificateFile = value(/NODE_EXTRA_CA_CERTS=(\S+)/);
  const credentials = { ...SHARED_SANDBOX_CREDENTIALS, tenantId: value(/PARTNER_CENTER_TENANT_ID=(\S+)/), clientId: value(/PARTNER_CENTER_CLIENT_ID=(\S+)/) };
  const tlsCertificate = readFileSync(certificateFile, 'utf8');
  return {
    baseUrl,
    authorityHost,
    credentials,
    certificateFile,
    tlsCertificate,
    botEnvironment: () => ({
      PARTNER_CENTER_BASE_URL: baseUrl,
      PARTNER_CENTER_AUTHORITY: authorityHost,
      PARTNER_CENTER_TENANT_ID: credentials.tenantId,
      PARTNER_CENTER_CLIENT_ID: credentials.clientId,
      PARTNER_CENTER_CLIENT_SECRET: credentials.clientSecret,
      NODE_EXTRA_CA_CERTS: certificateFile,
    }),
    tokens: sandboxTokenProvider({ credentials, authorityHost, tlsCertificate }),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
