import { command } from '../command-table';
import type { Feature } from '../feature';
import { route } from '../verb-table';
import type { ApprovalDeps } from './approval-deps';
import { approvalRefSchema, rejectPayload } from './approval-payloads';
import { decide } from './decide';
import { listPending } from './pending-command';
import { showApproval } from './show-approval';

/** Approvals: the `pending` command and the approval card's verbs (its refresh, approve, reject). */
export function approvalFeature(deps: ApprovalDeps): Feature {
  return {
    name: 'approval',
    access: { commands: 'use', verbs: 'approve' },
    commands: [command('pending', (turn) => listPending(deps, turn), { help: { description: 'welcome.cmd.pending' } })],
    routes: [
      route('approval.show', approvalRefSchema, (turn, p) => showApproval(deps, turn, p)),
      route('approval.approve', approvalRefSchema, (turn, p) => decide(deps, turn, p, 'approve')),
      route('approval.reject', rejectPayload, (turn, p) => decide(deps, turn, p, 'reject')),
    ],
  };
}
