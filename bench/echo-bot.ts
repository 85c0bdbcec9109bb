import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  type InvokeResponse,
  MemoryStorage,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { Template } from 'adaptivecards-templating';
import restify from 'restify';

/**
 * The floor: an echo bot on the same stack as ours (restify + bodyParser + CloudAdapter, local
 * mode). Whatever our bot costs beyond this is the bot's own work.
 */
class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }

  protected override async onInvokeActivity(): Promise<InvokeResponse> {
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'echo' } };
  }
}

const ECHO_CARD = new Template({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: '${text}', wrap: true },
    { type: 'FactSet', facts: [{ title: 'Turns in this chat', value: '${string(turns)}' }] },
  ],
});

/**
 * The reference the targets speak of (FLOOR=stateful): the echo bot plus exactly "reads and writes
 * its state and renders a card per turn" — a counter in botbuilder's own ConversationState on its
 * MemoryStorage, and a small templated card bound every turn. Nothing of ours.
 */
class StatefulEchoBot extends ActivityHandler {
  private readonly turns: StatePropertyAccessor<number>;

  constructor(private readonly state: ConversationState) {
    super();
    this.turns = state.createProperty('turns');
    this.onMessage(async (context, next) => {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(await this.countedCard(context))] });
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const card = (await this.countedCard(context)) as unknown;
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }

  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.state.saveChanges(context);
  }

  private async countedCard(context: TurnContext): Promise<object> {
    const turns = (await this.turns.get(context, 0)) + 1;
    await this.turns.set(context, turns);
    return ECHO_CARD.expand({ $root: { text: context.activity.text ?? context.activity.name ?? '', turns } }) as object;
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
const bot = process.env.FLOOR === 'stateful' ? new StatefulEchoBot(new ConversationState(new MemoryStorage())) : new EchoBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
