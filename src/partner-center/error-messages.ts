import type { partnerCenterErrorsEnUS } from '../i18n/catalogs/partner-center-errors.en-US';
import type { PartnerCenterErrorKind } from './error-kind';

export type PartnerCenterMessageKey = keyof typeof partnerCenterErrorsEnUS;
type CartLineMessageKey = Extract<PartnerCenterMessageKey, `pc.line.${string}`>;

/** Partner Center codes with their own explanation; aliases share the text of the code they duplicate. */
const CODE_MESSAGE_KEYS: Readonly<Record<string, PartnerCenterMessageKey>> = {
  '800002': 'pc.800002',
  '3000': 'pc.800002',
  '800009': 'pc.800009',
  '400019': 'pc.400019',
  '400039': 'pc.400039',
  '900203': 'pc.900203',
  '900206': 'pc.900206',
  '13605': 'pc.13605',
  '20002': 'pc.20002',
  '900121': 'pc.900121',
  // 800023/800025: "Credit line below minimum threshold" — same remedy as 900121.
  '800023': 'pc.900121',
  '800025': 'pc.900121',
  '900124': 'pc.900124',
  '800060': 'pc.800060',
  '800064': 'pc.800064',
  '800065': 'pc.800065',
  '800008': 'pc.800008',
  '60003': 'pc.60003',
  // 900118 "Invalid Customer ID" is the 400 twin of 404 60003 "Tenant not found".
  '900118': 'pc.60003',
  '800069': 'pc.800069',
  '900242': 'pc.900242',
  '900329': 'pc.900329',
  // Subscription changes past Partner Center's windows (error-codes.md): 900213 is the hour-based twin
  // of 900117, 900257 the day-based twin of 900214.
  '900117': 'pc.900117',
  '900213': 'pc.900117',
  '900214': 'pc.900214',
  '900257': 'pc.900214',
  '800090': 'pc.800090',
  '900275': 'pc.900275',
  '900278': 'pc.900278',
  '900311': 'pc.900311',
};

const KIND_MESSAGE_KEYS: Readonly<Record<PartnerCenterErrorKind, PartnerCenterMessageKey>> = {
  throttled: 'pc.throttled',
  auth: 'pc.auth',
  mfa: 'pc.mfa',
  transient: 'pc.transient',
  business: 'pc.unknown',
  not_found: 'pc.not_found',
  network: 'pc.network',
  timeout: 'pc.timeout',
  invalid_response: 'pc.invalid_response',
};

/** Whether the bot has its own text for this Partner Center code; if not, Partner Center's description is shown. */
export function hasOwnText(code: number | string | undefined): boolean {
  return code !== undefined && CODE_MESSAGE_KEYS[String(code)] !== undefined;
}

/** A known code wins over the kind: 404 800008 says "cart expired", not just "not found". */
export function messageKeyForFailure(kind: PartnerCenterErrorKind, code: number | string | undefined): PartnerCenterMessageKey {
  const byCode = code === undefined ? undefined : CODE_MESSAGE_KEYS[String(code)];
  return byCode ?? KIND_MESSAGE_KEYS[kind];
}

const LINE_MESSAGE_KEYS: Readonly<Record<string, CartLineMessageKey>> = {
  '10001': 'pc.line.10001',
  '400039': 'pc.line.400039',
  '900270': 'pc.line.900270',
  '900275': 'pc.line.900275',
  '10010': 'pc.line.10010',
  '10012': 'pc.line.10012',
  '10014': 'pc.line.10014',
  '10015': 'pc.line.10015',
  '10017': 'pc.line.10017',
  '400041': 'pc.line.400041',
};

export function hasOwnLineText(errorCode: number | string | null | undefined): boolean {
  return errorCode !== null && errorCode !== undefined && LINE_MESSAGE_KEYS[String(errorCode)] !== undefined;
}

/** The review-card text for a cart line's `error.errorCode` (errors arrive inside a 201 cart). */
export function lineErrorMessageKey(errorCode: number | string | null | undefined): CartLineMessageKey {
  if (errorCode === null || errorCode === undefined) return 'pc.line.unknown';
  return LINE_MESSAGE_KEYS[String(errorCode)] ?? 'pc.line.unknown';
}
