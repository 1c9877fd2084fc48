import type { PurchaseDeps } from '../purchase/purchase-deps';
import type { RecentCustomers } from './recent-customers';

/** What the customer step (shared by the add-on and order features) needs on top of the engine. */
export interface CustomerStepDeps extends PurchaseDeps {
  recent: RecentCustomers;
}
