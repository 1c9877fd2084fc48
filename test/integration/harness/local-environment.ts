/** The partner's own tenant in these tests: every harness user who may buy belongs to it. */
export const PARTNER_TENANT = 'partner-tenant';

/** What every test bot runs with unless a test says otherwise: loopback only, the test tenant let in, no Playground. */
export const LOCAL_TEST_ENVIRONMENT: Record<string, string> = { PLAYGROUND: 'off', HOST: '127.0.0.1', ALLOWED_TENANT_IDS: PARTNER_TENANT };
