import { command } from '../command-table';
import type { Feature } from '../feature';
import type { ApprovalDeps } from './approval-deps';
import { approvalVerbs } from './approval-verbs';
import { decide } from './decide';
import { listPending } from './pending-command';
import { showApproval } from './show-approval';
import { withdrawRequest } from './withdraw';

/** Approvals: the `pending` command and the approval card's verbs (its refresh, approve, reject; the requester's withdraw). */
export function approvalFeature(deps: ApprovalDeps): Feature {
  return {
    name: 'approval',
    access: { commands: 'use', verbs: 'approve' },
    commands: [command('pending', (turn) => listPending(deps, turn), { help: { description: 'welcome.cmd.pending' } })],
    routes: [
      approvalVerbs.show.route((turn, p) => showApproval(deps, turn, p)),
      approvalVerbs.approve.route((turn, p) => decide(deps, turn, p, 'approve')),
      approvalVerbs.reject.route((turn, p) => decide(deps, turn, p, 'reject')),
      approvalVerbs.withdraw.route((turn, p) => withdrawRequest(deps, turn, p)),
    ],
  };
}
