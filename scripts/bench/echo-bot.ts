import restify from 'restify';
import {
  CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory, TeamsActivityHandler,
  type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext,
} from 'botbuilder';
import { serveParent } from './child-protocol';

/** A one-block card naming what was received: the least a card bot can answer with. */
function echoCard(text: string, verb: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: [{ type: 'Action.Execute', title: 'Again', verb, data: { verb }, style: 'default' }],
  };
}

/**
 * The framework's floor: the same botbuilder CloudAdapter + TeamsActivityHandler + restify stack as the
 * real bot, answering the same way (a message posts a card through the connector; an Action.Execute
 * updates the card message for everyone and returns the card in the invoke response) but doing no work.
 */
class EchoBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMessage(async (ctx, next) => {
      await ctx.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(echoCard(`echo: ${ctx.activity.text ?? ''}`, 'echo'))));
      await next();
    });
  }

  protected override async onAdaptiveCardInvoke(ctx: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const card = echoCard(`echo: ${value.action.verb}`, value.action.verb);
    if (ctx.activity.replyToId) await ctx.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: ctx.activity.replyToId });
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
  const bot = new EchoBot();
  const server = restify.createServer({ name: 'echo-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024 }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  serveParent(typeof address === 'object' && address ? address.port : 0, {
    idle: async () => undefined,
    close: async () => {
      server.close();
    },
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`echo bot could not start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
