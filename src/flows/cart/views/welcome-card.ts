import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { AdaptiveCard } from '../../ports';
import { action } from './actions';

export function welcomeCard(locale: string): AdaptiveCard {
  return renderCard('welcome', {
    title: t(locale, 'welcome.title'),
    intro: t(locale, 'welcome.intro'),
    commands: [
      { name: 'new cart', description: t(locale, 'welcome.cmd.newCart') },
      { name: 'cancel', description: t(locale, 'welcome.cmd.cancel') },
      { name: 'help', description: t(locale, 'welcome.cmd.help') },
    ],
    actions: [action(t(locale, 'common.newCart'), 'cart.start', {}, 'positive')],
  });
}
