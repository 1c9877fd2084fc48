import type { CartDeps } from '../cart/cart-deps';
import type { RecentCustomers } from './recent-customers';

export interface AddOnDeps extends CartDeps {
  recent: RecentCustomers;
}
