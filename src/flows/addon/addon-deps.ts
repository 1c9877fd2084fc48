import type { ApprovalSettings } from '../approval/approval-deps';
import type { CartDeps } from '../cart/cart-deps';
import type { RecentCustomers } from './recent-customers';

export interface AddOnDeps extends CartDeps {
  recent: RecentCustomers;
  /** Set when approvals are configured: add-ons follow the same policy as carts. */
  approvals?: ApprovalSettings;
}
