import { z } from 'zod';
import { BILLING_CYCLES, cartCheckoutResultSchema, cartSchema, type Cart } from '../../partner-center/schemas';
import { actorSchema, conversationSchema } from '../ports';
import { approvalSchema } from './approval-schema';
import { addOnStateSchema } from './addon-state';
import { orderSettingsSchema } from './order-state';
import { seatsStateSchema } from './seats-state';

const PURCHASE_STATUSES = [
  'draft', 'priced', 'awaiting_approval', 'approved', 'checking_out', 'outcome_unknown', 'unconfirmed', 'ordered', 'failed',
  'expired', 'cancelled',
] as const;
export type PurchaseStatus = (typeof PURCHASE_STATUSES)[number];
const PURCHASE_KINDS = ['cart', 'addon', 'order', 'seats'] as const;
export type PurchaseKind = (typeof PURCHASE_KINDS)[number];
/** Teams redelivers within minutes, and a rep clicks a few times a minute: the last 10 suffice. */
export const HANDLED_ACTIVITIES_KEPT = 10;

/** One line as the rep built it, with the catalog facts needed to show and validate it without re-reading. */
const draftLineSchema = z.object({
  lineId: z.string(),
  productId: z.string(),
  productTitle: z.string(),
  skuId: z.string(),
  skuTitle: z.string(),
  availabilityId: z.string().optional(),
  catalogItemId: z.string(),
  quantity: z.number().int().positive(),
  billingCycle: z.enum(BILLING_CYCLES),
  termDuration: z.string().optional(),
  friendlyName: z.string().optional(),
  promotionId: z.string().optional(),
  customTermEndDate: z.string().optional(),
  renewsToTermDuration: z.string().optional(),
  provisioningContext: z.record(z.string(), z.string()),
  transactionReseller: z.string().optional(),
  additionalResellers: z.array(z.string()).max(5),
  /** The SKU enforces attestation (e.g. Windows 365 with hybrid benefit): the line needs its own tick. */
  attestationType: z.string().optional(),
});
export type DraftLine = z.infer<typeof draftLineSchema>;

export const customerRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  domain: z.string().optional(),
});
export type CustomerRef = z.infer<typeof customerRefSchema>;

export const failureSchema = z.object({
  httpStatus: z.number().optional(),
  code: z.union([z.string(), z.number()]).optional(),
  description: z.string(),
  correlationId: z.string().optional(),
  requestId: z.string().optional(),
  messageKey: z.string(),
});
export type Failure = z.infer<typeof failureSchema>;

/**
 * A checkout whose answer never arrived (lost connection, timeout, outage, 800060 "order in progress",
 * 800065 "already checked out"): Partner Center may have placed the order, so the purchase is neither
 * ordered nor failed until the outcome resolver has found out. Stored, so a restart carries on.
 */
const unknownOutcomeSchema = z.object({
  since: z.string(),
  checks: z.number().int().nonnegative(),
  nextCheckAt: z.string(),
  /** The last answer that left the outcome open: what support needs if it is never confirmed. */
  lastFailure: failureSchema,
});

const checkoutSchema = z.object({
  /** MS-RequestIds fixed before the first call, so every retry of the same step is deduplicated. */
  updateRequestId: z.string(),
  checkoutRequestId: z.string(),
  startedAt: z.string(),
  startedBy: actorSchema,
  attestation: z.object({ partnerOfRecord: z.boolean(), lines: z.boolean() }),
  finishedAt: z.string().optional(),
  result: cartCheckoutResultSchema.optional(),
  failure: failureSchema.optional(),
  unknown: unknownOutcomeSchema.optional(),
});

type Checkout = z.infer<typeof checkoutSchema>;

/**
 * What every kind of purchase has: the stored state machine behind every card (docs/architecture.md,
 * rule 4). Cards carry only its id and `version`; everything else is reloaded from here.
 */
const purchaseBaseSchema = z.object({
  id: z.string(),
  status: z.enum(PURCHASE_STATUSES),
  version: z.number().int().nonnegative(),
  owner: actorSchema,
  conversation: conversationSchema,
  /** The card message that shows this purchase; updated in place as the purchase moves on. */
  cardActivityId: z.string().optional(),
  locale: z.string(),
  correlationId: z.string(),
  customer: customerRefSchema.optional(),
  lines: z.array(draftLineSchema),
  checkout: checkoutSchema.optional(),
  /** Set when the purchase needed an approver (APPROVAL_THRESHOLD); the latest request and its decision. */
  approval: approvalSchema.optional(),
  /** The Teams activities whose turns wrote this purchase, the latest last: a redelivery is recognised by its id. */
  handledActivities: z.array(z.string()).max(HANDLED_ACTIVITIES_KEPT).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** The cart flow: lines built product by product, priced as one Partner Center cart. */
const cartPurchaseSchema = purchaseBaseSchema.extend({
  kind: z.literal('cart'),
  /** A product picked but not yet turned into a line, or a line being edited. */
  editing: z.object({ productId: z.string(), lineId: z.string().optional() }).optional(),
  /** The line the rep removed last and where it stood: "Undo" puts it back. */
  removedLine: z.object({ line: draftLineSchema, index: z.number().int().nonnegative() }).optional(),
  /** The Partner Center cart, once the lines were priced. */
  cart: cartSchema.optional(),
  pricingFailure: failureSchema.optional(),
});
export type CartPurchase = z.infer<typeof cartPurchaseSchema>;

/** The quick add-on flow: one line; a new-commerce add-on is priced as a one-line Partner Center cart. */
const addOnPurchaseSchema = purchaseBaseSchema.extend({
  kind: z.literal('addon'),
  addOn: addOnStateSchema.default({ step: 'customer' }),
  cart: cartSchema.optional(),
});
export type AddOnPurchase = z.infer<typeof addOnPurchaseSchema>;

/** An order of offers posted to the orders API (POST /orders): no Partner Center cart, one billing cycle. */
const orderPurchaseSchema = purchaseBaseSchema.extend({
  kind: z.literal('order'),
  order: orderSettingsSchema.default({ billingCycle: 'monthly' }),
});
export type OrderPurchase = z.infer<typeof orderPurchaseSchema>;

/** A change of an existing subscription's seats, or its cancellation: one PATCH, no order and no cart. */
const seatsPurchaseSchema = purchaseBaseSchema.extend({
  kind: z.literal('seats'),
  seats: seatsStateSchema.default({ step: 'customer' }),
});
export type SeatsPurchase = z.infer<typeof seatsPurchaseSchema>;

/**
 * A purchase of any kind. All four are one state machine (same gate, eTag, audit, resume and approval)
 * and share the base; each kind adds its own fields, and the engine reaches them only through the kind's
 * PurchaseKindHandler (purchase-kind.ts).
 */
export const purchaseSchema = z.discriminatedUnion('kind', [cartPurchaseSchema, addOnPurchaseSchema, orderPurchaseSchema, seatsPurchaseSchema]);
export type Purchase = z.infer<typeof purchaseSchema>;
export type PurchaseOfKind<K extends PurchaseKind> = Extract<Purchase, { kind: K }>;
/** A purchase whose customer was chosen: what every Partner Center call about it needs. */
export type WithCustomer<P extends Purchase = Purchase> = P & { customer: CustomerRef };
/** A purchase past the checkout gate: its MS-RequestIds and attestation are fixed. */
export type Gated<P extends Purchase = Purchase> = WithCustomer<P> & { checkout: Checkout };

export function hasCustomer<P extends Purchase>(purchase: P): purchase is WithCustomer<P> {
  return purchase.customer !== undefined;
}

export function isGated<P extends Purchase>(purchase: P): purchase is Gated<P> {
  return purchase.customer !== undefined && purchase.checkout !== undefined;
}

/** The Partner Center cart a purchase was priced as: a cart's and a new-commerce add-on's; an order never has one. */
export function partnerCenterCart(purchase: Purchase): Cart | undefined {
  return 'cart' in purchase ? purchase.cart : undefined;
}
