import type { BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, type Card } from '../bot/card-helpers';
import { BUSINESS_BASIC, draftForContoso, lineCardFor } from '../bot/drive-to-confirmation';

export interface PurchaseRef {
  purchaseId: string;
  version: number;
}

/** Clicks through cards with Action.Execute as the rep's Teams client does, keeping the latest card. */
export class CartDriver {
  card: Card = {};

  constructor(
    private readonly bot: BotUnderTest,
    readonly user: TeamsUser,
    readonly conversation: TeamsConversation,
    readonly cardId = 'activity-1',
  ) {}

  async start(): Promise<Card> {
    await this.bot.teams.message(this.user, this.conversation, 'new cart');
    const cards = this.bot.connector.cardsIn(this.conversation.id);
    this.card = cards[cards.length - 1];
    return this.card;
  }

  async click(verb: string, inputs: Record<string, unknown> = {}): Promise<Card> {
    const data = this.actionData(verb);
    const response = await this.bot.teams.execute(this.user, this.conversation, this.cardId, verb, { ...data, ...inputs });
    await this.bot.app.background.idle();
    this.card = response.body.value;
    return this.card;
  }

  actionData(verb: string): Record<string, unknown> {
    const data = actionsOf(this.card).get(verb);
    if (!data) throw new Error(`the current card has no ${verb} action`);
    return data;
  }

  /** The purchase id and version the current card was drawn from. */
  ref(): PurchaseRef {
    const [data] = [...actionsOf(this.card).values()].filter((d) => typeof d?.purchaseId === 'string');
    return { purchaseId: data.purchaseId as string, version: data.version as number };
  }

  /** A Contoso cart with the line card of `productId` open. */
  async toLineCard(productId = BUSINESS_BASIC): Promise<Card> {
    await this.start();
    return this.lineCardFromCustomerStep(productId);
  }

  /** From the customer step on the current card: Contoso, then the line card of `productId`. */
  async lineCardFromCustomerStep(productId = BUSINESS_BASIC): Promise<Card> {
    return lineCardFor((verb, inputs) => this.click(verb, inputs), 'Contoso Ltd', productId);
  }

  /** A Contoso cart holding one line: 2 × Business Basic, 1 month, billed monthly. */
  async toDraftWithOneLine(): Promise<Card> {
    await this.start();
    return draftForContoso((verb, inputs) => this.click(verb, inputs));
  }
}
