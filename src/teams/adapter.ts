import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import type { Logger } from '../logger';

/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it accepts unauthenticated requests and sends
 * replies without a token (local mode); with an app id every request must carry a valid token.
 */
export function createAdapter(botEnvironment: Record<string, string | undefined>, log: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botEnvironment as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (ctx, error) => {
    log.error({ err: { name: error.name, message: error.message }, activityType: ctx.activity.type }, 'unhandled turn error');
    if (ctx.activity.type === 'message') await ctx.sendActivity('Sorry, something went wrong. Please try again.');
  };
  return adapter;
}
