import { addOnKind } from './flows/addon/addon-kind';
import { cartKind } from './flows/cart/cart-kind';
import { orderKind } from './flows/order/order-kind';
import type { PurchaseKinds } from './flows/purchase/purchase-kind';
import { seatsKind } from './flows/seats/seats-kind';

/** Every kind of purchase the engine runs, each with its handler: what the bot and its test harnesses compose. */
export const purchaseKinds: PurchaseKinds = { cart: cartKind, addon: addOnKind, order: orderKind, seats: seatsKind };
