/** A promotion: a percentage off the partner price for one product/SKU and term (get-promotions.md). */
export interface PromotionFixture {
  id: string;
  name: string;
  productSku: string;
  termDuration: string;
  percentDiscount: number;
}

/** Sandbox-made promotion id in the documented `product:sku:availability`-like shape. */
export const promotions: PromotionFixture[] = [
  { id: '39NFJQT1Q5KT:0001:39NFJQT1Q5KW', name: 'Office 365 E5 annual 5% off', productSku: 'CFQ7TTC0LF8S:0001', termDuration: 'P1Y', percentDiscount: 5 },
];
