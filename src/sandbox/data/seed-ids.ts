/**
 * Ids of the sandbox's seeded customers, subscriptions and orders: the sandbox seeds them from here and
 * tests import them from here. Most come from the seeds and the API reference (New-PartnerCustomerCart/Order
 * examples, create-a-cart.md, checkout-a-cart.md, purchase-an-add-on-to-a-subscription.md).
 */
export const CONTOSO_ID = '46a62ece-10ad-42e5-b3f1-b2ed53e6fc08';
export const FABRIKAM_ID = 'd6bf25b7-e0a8-4f2d-a31b-97b55cfc774d';
export const NORTHWIND_ID = '932c4101-dc08-461b-b4c1-75d80e905775';
export const TAILSPIN_ID = 'f81d98dd-c2f4-499e-a194-5619e260344e';
export const WINGTIP_ID = '28045616-f6b9-462f-9701-0d89b5e65c44';
export const ADATUM_ID = 'ebd8b4c2-4069-46a8-bd70-123d6dec3e39';
export const LITWARE_ID = '94cd6638-11b6-4323-8c9f-6ae3088adc59';
/** purchase-an-add-on-to-a-subscription.md: the customer of its PATCH example. */
export const WOODGROVE_ID = '4d3cf487-70f4-4e1e-9ff1-b2bfce8d9f04';
export const COHO_WINERY_ID = 'b3782784-9054-4954-b584-d85b4379bbc7';
/** A customer whose company name is Markdown ("**bold** _italic_ Ltd"): cards must show it as text. */
export const MARKDOWN_NAME_ID = '5d8f3b2a-1c4e-4a97-b6d0-e7f2a9c3b433';

/** New-PartnerCustomerOrder example 2: Contoso's Office 365 E3 subscription. */
export const CONTOSO_E3_SUBSCRIPTION_ID = '10704f2f-3fc6-4e42-8acf-08df4f81c93c';
export const CONTOSO_E3_ORDER_ID = 'D51A052E-043C-4A2A-AA37-2BB938CEF6C1';
/**
 * An active NCE Office 365 E5: the base for the NCE add-on and a co-termination target, and for seat
 * changes: 15 seats, of which only the 5 added two days ago can still be reduced.
 */
export const CONTOSO_E5_SUBSCRIPTION_ID = '5fcf618b-2c3d-4e5f-8a9b-0c1d2e3f4a5b';
export const CONTOSO_E5_ORDER_ID = '4607f92c4faf';
/** Ends 2022-02-19, the customTermEndDate of create-a-cart.md's first request (answered for f81d98dd). */
export const TAILSPIN_EXCHANGE_SUBSCRIPTION_ID = 'd30a9ff9-4b5c-4d6e-9f70-8a1b2c3d4e5f';
export const TAILSPIN_EXCHANGE_ORDER_ID = '86ba574d30bc';
/** purchase-an-add-on-to-a-subscription.md: the order and base subscription of its PATCH example. */
export const WOODGROVE_E3_ORDER_ID = 'CF3B0E37-BE0B-4CDD-B584-D1A97D98A922';
export const WOODGROVE_E3_SUBSCRIPTION_ID = '1C2B75C1-74A5-472A-A729-7F8CEFC477F9';
