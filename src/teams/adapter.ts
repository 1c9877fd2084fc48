import {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import { errorFields } from '../error-fields';
import { t } from '../i18n/translate';
import type { Logger } from '../logger';
import { ConnectorOutbound, type ConnectorOutboundOptions } from './connector-outbound';
import { OutboundTrafficMiddleware } from './outbound-middleware';
import { ReusedConnectorClients } from './reused-connector-clients';

/** Timing of outbound Bot Connector traffic; defaults are Teams' limits and the real clock. */
export type OutboundSettings = Omit<ConnectorOutboundOptions, 'log'>;

/**
 * The Bot Framework adapter. With an empty MicrosoftAppId it accepts unauthenticated requests and sends
 * replies without a token (local mode); with an app id every request must carry a valid token. Every
 * reply, update and proactive message goes through one ConnectorOutbound (queue, rate limit, retries);
 * connector clients are reused across turns (ReusedConnectorClients).
 */
export function createAdapter(
  botEnvironment: Record<string, string | undefined>, log: Logger, outbound: OutboundSettings = {},
): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(botEnvironment as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(new ReusedConnectorClients(auth));
  adapter.use(new OutboundTrafficMiddleware(new ConnectorOutbound({ ...outbound, log }), log));
  adapter.onTurnError = async (ctx, error) => {
    log.error({ error: errorFields(error), activityType: ctx.activity.type }, 'unhandled turn error');
    if (ctx.activity.type === 'message') await ctx.sendActivity(t(ctx.activity.locale, 'failure.text'));
  };
  return adapter;
}
