import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Template } from 'adaptivecards-templating';
import type { AdaptiveCard } from '../flows/ports';
import { guardCard } from './card-guard';
import { addSubmitFallbacks } from './execute-fallback';
import { findProjectRoot } from './project-root';

export const CARD_NAMES = [
  'notice', 'welcome', 'cart-line', 'cart-draft', 'cart-review', 'cart-confirm', 'cart-progress',
  'cart-result', 'request-preview', 'approval', 'approval-pending', 'addon-step', 'addon-confirm', 'order-draft',
  'order-review', 'status-order', 'audit-trail', 'seats-change',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

const templates = new Map<CardName, Template>();

function templateFor(name: CardName): Template {
  let template = templates.get(name);
  if (!template) {
    const file = path.join(findProjectRoot(), 'cards', `${name}.json`);
    template = new Template(JSON.parse(readFileSync(file, 'utf8')));
    templates.set(name, template);
  }
  return template;
}

/** Expands a template from `cards/` with view data, adds Action.Submit fallbacks and checks the result. */
export function renderCard(name: CardName, data: object): AdaptiveCard {
  const expanded = templateFor(name).expand({ $root: data }) as AdaptiveCard;
  const card = addSubmitFallbacks(expanded) as AdaptiveCard;
  guardCard(name, card);
  return card;
}
