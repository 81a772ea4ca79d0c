import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { type AccountsQueryRequest, replyRefused, Topics } from '@subledger/contracts';
import { type Envelope, Headers, type MessageBus } from '@subledger/messaging';
import { MESSAGE_BUS } from '@subledger/platform';
import { AccountsCommandRouter, type AnyCommandReply } from '../commands/accounts-command.router';
import { AccountsQueryHandler, type AnyQueryReply } from '../queries/accounts-query.handler';
import { AccountsReadModel } from '../read-model/accounts-read-model';
import { RecentReplies } from './recent-replies';

export const COMMANDS_GROUP = 'accounts';
export const QUERIES_GROUP = 'accounts-queries';

const QUERY_TYPES: ReadonlySet<string> = new Set<AccountsQueryRequest['type']>([
  'AuthenticateKey',
  'GetTeam',
  'GetAccount',
  'ListSubAccounts',
  'ListApiKeys',
  'GetMessage',
  'ListMessages',
]);

/**
 * Creates the read model, then consumes both topics. Commands of a partition are handled one
 * after another, in order (one team's writes never interleave); queries of a batch run together.
 * A handler that throws fails its batch, which the bus delivers again.
 */
@Injectable()
export class AccountsBusConsumer implements OnModuleInit {
  private readonly recent = new RecentReplies<AnyCommandReply>(10_000);

  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    private readonly readModel: AccountsReadModel,
    private readonly commands: AccountsCommandRouter,
    private readonly queries: AccountsQueryHandler,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.readModel.migrate();
    await this.bus.subscribe<unknown, AnyCommandReply>(Topics.accountsCommands, COMMANDS_GROUP, (batch) => this.handleCommands(batch));
    await this.bus.subscribe<unknown, AnyQueryReply>(Topics.accountsQueries, QUERIES_GROUP, (batch) => this.handleQueries(batch));
  }

  private async handleCommands(batch: readonly Envelope<unknown>[]): Promise<AnyCommandReply[]> {
    const replies: AnyCommandReply[] = [];
    for (const envelope of batch) {
      const id = replyKey(envelope);
      const reply = this.recent.get(id) ?? (await this.commands.handle(envelope.value));
      this.recent.set(id, reply);
      replies.push(reply);
    }
    return replies;
  }

  private handleQueries(batch: readonly Envelope<unknown>[]): Promise<AnyQueryReply[]> {
    return Promise.all(batch.map(({ value }) => (isQuery(value) ? this.queries.handle(value) : Promise.resolve(notAQuery()))));
  }
}

/** The correlation id of a request, with what it asked, so that a reused id never returns another command's reply. */
function replyKey({ headers, value }: Envelope<unknown>): string | undefined {
  const correlationId = headers[Headers.correlationId];
  if (correlationId === undefined || typeof value !== 'object' || value === null) return undefined;
  const { type, teamId, at } = value as Record<string, unknown>;
  return [correlationId, type, teamId, at].map(String).join('|');
}

function isQuery(value: unknown): value is AccountsQueryRequest {
  return typeof value === 'object' && value !== null && QUERY_TYPES.has((value as { type?: unknown }).type as string);
}

function notAQuery(): AnyQueryReply {
  return replyRefused({ type: 'invalid', violations: [{ field: 'type', reason: 'not_allowed' }] });
}
