import type { Logger } from '../../logger';
import type { AuditLog } from '../../store/audit-log';
import { command } from '../command-table';
import type { Feature } from '../feature';
import { showAuditTrail } from './show-audit-trail';

export interface AuditDeps {
  audit: AuditLog;
  /** APPROVER_IDS: the Entra object ids allowed to read the audit trail. */
  approverIds: readonly string[];
  log: Logger;
}

/** `audit <customer or order id>`: the audit trail, for approvers. */
export function auditFeature(deps: AuditDeps): Feature {
  return {
    name: 'audit',
    access: { commands: 'use', verbs: 'use' },
    commands: [command('audit', (turn, argument) => showAuditTrail(deps, turn, argument), {
      argument: 'required', help: { description: 'welcome.cmd.audit', argument: 'welcome.arg.auditSubject' },
    })],
    routes: [],
  };
}
