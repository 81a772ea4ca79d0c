import { Controller, type OnModuleInit } from '@nestjs/common';
import { type AccountsQueryRequest, replyRefused, Topics } from '@subledger/contracts';
import { type Envelope, Headers } from '@subledger/messaging';
import { BusHandler } from '@subledger/platform';
import { AccountsCommandRouter, type AnyCommandReply } from '../commands/accounts-command.router';
import { type BatchStep, planCommandBatch } from '../commands/command-batch-plan';
import { GroupCommitHandler } from '../commands/group-commit/group-commit.handler';
import { AccountsQueryHandler, type AnyQueryReply } from '../queries/accounts-query.handler';
import { AccountsReadModel } from '../read-model/accounts-read-model';
import { RecentReplies } from './recent-replies';

export const COMMANDS_GROUP = 'accounts';
export const QUERIES_GROUP = 'accounts-queries';

type Reply = AnyCommandReply | AnyQueryReply | undefined;

const QUERY_TYPES: ReadonlySet<string> = new Set<AccountsQueryRequest['type']>([
  'AuthenticateKey',
  'GetTeam',
  'ListTeams',
  'CountActiveKeys',
  'GetAccount',
  'ListSubAccounts',
  'ListApiKeys',
  'GetMessage',
  'ListMessages',
]);

/**
 * Creates the read model when the module starts; its handlers of both topics are subscribed by the
 * platform's bus transport once every module has started (docs/architecture.md, §3 "Handlers").
 * A batch of commands is written in partition order (one team's writes never interleave): each run
 * of gathered commands is committed together, each lifecycle command after the run before it and
 * before the run after it. Ordered reads are answered once the whole batch is committed. Queries of
 * a batch run together. A handler that throws fails its batch, which the bus delivers again.
 */
@Controller()
export class AccountsBusController implements OnModuleInit {
  private readonly recent = new RecentReplies<AnyCommandReply>(10_000);

  constructor(
    private readonly readModel: AccountsReadModel,
    private readonly commands: AccountsCommandRouter,
    private readonly groups: GroupCommitHandler,
    private readonly queries: AccountsQueryHandler,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.readModel.migrate();
  }

  @BusHandler(Topics.accountsCommands, COMMANDS_GROUP)
  async handleCommands(batch: readonly Envelope<unknown>[]): Promise<Reply[]> {
    const replies: Reply[] = new Array<Reply>(batch.length).fill(undefined);
    const plan = planCommandBatch(batch.map((envelope) => envelope.value));
    for (const { index, value } of plan.refused) replies[index] = replyRefused(value);
    for (const step of plan.steps) await this.write(step, batch, replies);
    // Everything before each read is committed now (and what came after it in the batch too,
    // which committed before the read is answered, so the reader may see it as well).
    await Promise.all(plan.reads.map(async ({ index, value }) => (replies[index] = await this.queries.handle(value))));
    return replies;
  }

  private async write(step: BatchStep, batch: readonly Envelope<unknown>[], replies: Reply[]): Promise<void> {
    if (step.kind === 'group') {
      const items = step.commands.map(({ index, value }) => ({ command: value, wantsReply: wantsReply(batch[index]) }));
      const answered = await this.groups.handle(items);
      step.commands.forEach(({ index }, i) => (replies[index] = answered[i]));
      return;
    }
    const { index, value } = step.command;
    const id = replyKey(batch[index]);
    const reply = this.recent.get(id) ?? (await this.commands.handle(value));
    this.recent.set(id, reply);
    replies[index] = reply;
  }

  @BusHandler(Topics.accountsQueries, QUERIES_GROUP)
  handleQueries(batch: readonly Envelope<unknown>[]): Promise<AnyQueryReply[]> {
    return Promise.all(
      batch.map(({ value }) => (isQuery(value) ? this.queries.handle(value) : Promise.resolve(notAQuery()))),
    );
  }
}

/** A message published without a reply-to (handed over) is answered to nobody. */
function wantsReply({ headers }: Envelope<unknown>): boolean {
  return headers[Headers.replyTo] !== undefined && headers[Headers.correlationId] !== undefined;
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
