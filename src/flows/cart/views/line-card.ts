import { displayText } from '../../../cards/card-guard';
import { renderCard } from '../../../cards/render-card';
import { t, tLabel } from '../../../i18n/translate';
import type { DraftLine, Purchase } from '../../purchase/purchase';
import type { AdaptiveCard } from '../../ports';
import type { CotermChoice, ProductOffering } from '../offering';
import { NO_COTERM, provisioningInputPrefix } from '../payloads';
import { refOf } from '../../views/actions';
import { billingLabel, dateOnly, termLabel } from '../../views/format';
import { isDurationVariable } from '../reservation-duration';
import { sharedVerbs } from '../../purchase/shared-verbs';
import { cartVerbs } from '../cart-verbs';

/** What the rep typed (kept on a validation error) and the errors to show next to each field. */
export interface LineFormState {
  values: Record<string, string>;
  errors: Record<string, string>;
}

/** Known value sets for provisioning variables (reserved instances: scope shared|single). */
const PROVISIONING_CHOICES: Record<string, string[]> = { scope: ['shared', 'single'] };

/** The form of a line being edited, or of a new line with `optionValue` (the choice bought last) preselected. */
export function formFromLine(line: DraftLine | undefined, optionValue: string | undefined): LineFormState {
  if (!line) return { values: optionValue ? { offer: optionValue } : {}, errors: {} };
  const values: Record<string, string> = {
    offer: optionValue ?? '',
    quantity: String(line.quantity),
    friendlyName: line.friendlyName ?? '',
    promotionId: line.promotionId ?? '',
    customTermEndDate: line.customTermEndDate?.slice(0, 10) ?? '',
    renewsTo: line.renewsToTermDuration ?? '',
    transactionReseller: line.transactionReseller ?? '',
    additionalResellers: line.additionalResellers.join(', '),
  };
  for (const [key, value] of Object.entries(line.provisioningContext)) values[provisioningInputPrefix + key] = value;
  return { values, errors: {} };
}

function cotermTitle(locale: string, c: CotermChoice): string {
  const date = dateOnly(locale, c.endDate);
  if (c.subscriptionName === undefined) return tLabel(locale, 'line.cotermMonthEnd', { date });
  return c.alsoEnding > 0
    ? tLabel(locale, 'line.cotermWithOthers', { name: c.subscriptionName, count: String(c.alsoEnding), date })
    : tLabel(locale, 'line.cotermWith', { name: c.subscriptionName, date });
}

export function lineCard(
  purchase: Purchase, offering: ProductOffering, coterms: CotermChoice[], form: LineFormState, editingLineId?: string,
): AdaptiveCard {
  const locale = purchase.locale;
  const ref = refOf(purchase);
  const v = (key: string) => displayText(form.values[key] ?? '');
  const e = (key: string) => form.errors[key] ?? '';
  const hasTrial = offering.options.some((o) => o.billingCycle === 'none');
  const optional = ['friendlyName', 'promotionId', 'customTermEndDate', 'transactionReseller', 'additionalResellers', 'coterm', 'renewsTo', 'resellers'];
  return renderCard('cart-line', {
    title: displayText(t(locale, 'line.title', { product: offering.product.title })),
    subtitle: displayText(t(locale, 'customer.subtitle', { name: purchase.customer?.name ?? '' })),
    error: e('form'),
    offerLabel: t(locale, 'line.offerLabel'),
    offerRequired: t(locale, 'line.offerRequired'),
    offer: v('offer') || (offering.options.length === 1 ? offering.options[0].value : ''),
    offers: offering.options.map((o) => ({
      value: o.value,
      title: !o.termDuration
        ? tLabel(locale, 'line.offerOneTime', { sku: o.sku.title })
        : o.billingCycle === 'none'
          ? tLabel(locale, 'line.offerTrial', { sku: o.sku.title, term: termLabel(locale, o.termDuration) })
          : tLabel(locale, 'line.offerTerm', { sku: o.sku.title, term: termLabel(locale, o.termDuration), billing: billingLabel(locale, o.billingCycle) }),
    })),
    offerError: e('offer'),
    quantityLabel: t(locale, 'line.quantityLabel', { min: offering.minQuantity, max: offering.maxQuantity }),
    quantityRange: t(locale, 'line.quantityRange', { min: offering.minQuantity, max: offering.maxQuantity }),
    quantity: v('quantity') || String(offering.minQuantity),
    minQuantity: offering.minQuantity,
    maxQuantity: offering.maxQuantity,
    quantityError: e('quantity'),
    provisioningTitle: t(locale, 'line.provisioningTitle'),
    // `duration` follows the chosen term wherever every choice has one (reserved instances): never asked.
    provisioning: offering.provisioningVariables.filter((name) => !(isDurationVariable(name) && offering.options.every((o) => o.termDuration))).map((name) => ({
      id: provisioningInputPrefix + name,
      label: name,
      placeholder: name,
      value: v(provisioningInputPrefix + name),
      error: e(provisioningInputPrefix + name),
      choices: (PROVISIONING_CHOICES[name] ?? []).map((c) => ({ title: c, value: c })),
    })),
    moreOptionsTitle: t(locale, 'line.moreOptions'),
    showMoreOptions: optional.some((key) => Boolean(form.values[key]) || Boolean(form.errors[key])),
    labels: {
      friendlyName: t(locale, 'line.friendlyName'),
      promotionId: t(locale, 'line.promotionId'),
      coterm: t(locale, 'line.coterm'),
      customTermEndDate: t(locale, 'line.customTermEndDate'),
      renewsTo: t(locale, 'line.renewsTo'),
      transactionReseller: t(locale, 'line.transactionReseller'),
      partnerIdPlaceholder: t(locale, 'line.partnerIdPlaceholder'),
      additionalResellers: t(locale, 'line.additionalResellers'),
      additionalPlaceholder: t(locale, 'line.additionalPlaceholder'),
    },
    friendlyName: v('friendlyName'),
    friendlyNameError: e('friendlyName'),
    promotionId: v('promotionId'),
    promotionError: e('promotionId'),
    coterm: v('coterm') || NO_COTERM,
    // No co-termination inputs at all where no choice of the product can carry a custom term end date.
    canCoterm: offering.cotermListings.length > 0,
    cotermChoices: [
      { title: t(locale, 'line.cotermNone'), value: NO_COTERM },
      ...coterms.map((c) => ({ title: tLabel(locale, 'line.cotermForTerm', { term: termLabel(locale, c.termDuration), choice: cotermTitle(locale, c) }), value: c.value })),
    ],
    customTermEndDate: v('customTermEndDate'),
    customTermEndDateError: e('customTermEndDate'),
    renewsTo: v('renewsTo'),
    renewsToError: e('renewsTo'),
    renewsToChoices: hasTrial ? ['P1M', 'P1Y'].map((d) => ({ title: termLabel(locale, d), value: d })) : [],
    transactionReseller: v('transactionReseller'),
    additionalResellers: v('additionalResellers'),
    resellerError: e('resellers'),
    actions: [
      cartVerbs.saveLine.action(t(locale, editingLineId ? 'line.save' : 'line.add'), ref, 'positive'),
      cartVerbs.addLine.action(t(locale, 'line.chooseOther'), ref),
      sharedVerbs.cartShow.action(t(locale, 'common.back'), ref),
    ],
  });
}
