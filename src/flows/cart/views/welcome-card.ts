import { renderCard } from '../../../cards/render-card';
import { t } from '../../../i18n/translate';
import type { CommandRoute } from '../../command-table';
import type { AdaptiveCard } from '../../ports';
import { sharedVerbs } from '../../purchase/shared-verbs';


/** The help card: every command the bot answers, in the order the features registered them. */
export function welcomeCard(locale: string, commands: CommandRoute[]): AdaptiveCard {
  return renderCard('welcome', {
    title: t(locale, 'welcome.title'),
    intro: t(locale, 'welcome.intro'),
    commands: commands.flatMap(({ name, help }) =>
      help ? [{ name: help.argument ? `${name} [${t(locale, help.argument)}]` : name, description: t(locale, help.description) }] : [],
    ),
    actions: [sharedVerbs.cartStart.action(t(locale, 'common.newCart'), {}, 'positive')],
  });
}
