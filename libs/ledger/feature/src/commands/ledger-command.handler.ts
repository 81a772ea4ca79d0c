import { Inject, Injectable, Logger } from '@nestjs/common';
import type { LedgerCommand, LedgerCommandReply } from '@subledger/contracts';
import { DuplicateEventIdError, GroupCommit, WrongExpectedVersionError } from '@subledger/event-store';
import { type Envelope, Headers, type MessageBus } from '@subledger/messaging';
import { CLOCK, type Clock, EVENT_STORE, MESSAGE_BUS, requestIdsOf, runWithRequestIds } from '@subledger/platform';
import { LEDGER_OPTIONS, LedgerGroups, type LedgerModuleOptions } from '../ledger-module.options';
import { LedgerMetrics } from '../metrics/ledger-metrics';
import { inCommitSpan } from './commit-span';
import type { LedgerStore } from '../store/ledger-store';
import { type LedgerTables, ledgerTables } from '../store/ledger-tables';
import type { TeamLedger } from '../team-state/team-ledger';
import { TeamLedgerCache } from '../team-state/team-ledger.cache';
import { loadTeamLedgers } from '../team-state/team-ledger.loader';
import { lookUpHistory } from './command-history';
import { consumerOffsetsOf } from './consumer-offsets';
import { decideBatch } from './decide-batch';
import { type CommandRead, readLedgerCommand } from './ledger-command.reader';
import { type DecisionMode, recallFound, whatToLookUp } from './look-ups';
import { hasWrites, writeBatch } from './write-batch';

/**
 * The single writer of its teams' money (docs/architecture.md §2, "The money path"): decides a batch of
 * commands against the teams' states in memory, commits the batch's events, projections, answers
 * without events and offsets in one transaction, and only then answers. Throwing means "answer
 * nothing": the bus delivers the batch again, and every command then finds either nothing of it
 * committed or its answer in the store.
 *
 * The batches of several partitions that arrive while a transaction runs are decided and
 * committed together in the next one (group commit): their teams are disjoint, since a team has
 * one partition, so deciding them as one batch changes no decision, and one transaction per round
 * instead of one per partition is what keeps the store's fixed cost per transaction off each
 * message. If a shared transaction fails, each batch is handled again alone.
 */
@Injectable()
export class LedgerCommandHandler {
  private readonly logger = new Logger(LedgerCommandHandler.name);
  private readonly tables: LedgerTables;
  private readonly batches = new GroupCommit<Envelope<unknown>[], LedgerCommandReply[]>((batches) =>
    this.handleTogether(batches),
  );

  constructor(
    @Inject(EVENT_STORE) private readonly store: LedgerStore,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(TeamLedgerCache) private readonly cache: TeamLedgerCache,
    @Inject(LEDGER_OPTIONS) private readonly options: LedgerModuleOptions,
    @Inject(LedgerMetrics) private readonly metrics: LedgerMetrics,
  ) {
    this.tables = ledgerTables(store.quotedSchema);
  }

  handle(batch: Envelope<unknown>[]): Promise<LedgerCommandReply[]> {
    return this.batches.submit(batch);
  }

  private async handleTogether(batches: readonly Envelope<unknown>[][]): Promise<LedgerCommandReply[][]> {
    if (batches.length === 1) return [await this.handleOne(batches[0])];
    const replies = await this.handleOne(batches.flat());
    let start = 0;
    return batches.map((batch) => replies.slice(start, (start += batch.length)));
  }

  private async handleOne(batch: Envelope<unknown>[]): Promise<LedgerCommandReply[]> {
    const reads = batch.map(readLedgerCommand);
    try {
      const replies = await this.decideAndCommit(batch, reads, 'fast').catch((error: unknown) => {
        if (!(error instanceof DuplicateEventIdError)) throw error;
        // A command recorded before, whose record memory no longer held, was taken for a new one:
        // decided again, with every command's answer and record looked up first.
        this.logger.log(
          `A command of the batch was recorded before (${error.message}); deciding the batch again from the store`,
        );
        return this.decideAndCommit(batch, reads, 'careful');
      });
      this.deadLetterInvalid(batch, reads);
      return replies;
    } catch (error) {
      this.logFailure(error, batch.length);
      throw error;
    }
  }

  private async decideAndCommit(
    batch: Envelope<unknown>[],
    reads: readonly CommandRead[],
    mode: DecisionMode,
  ): Promise<LedgerCommandReply[]> {
    const commands = reads.flatMap((read) => (read.ok ? [read.value.command] : []));
    // Teams taken out of the cache go back only after the commit: on any failure their states,
    // perhaps advanced by a batch that never committed, are forgotten and reloaded next time.
    const teams = new Map<string, TeamLedger>();
    await this.takeTeams(commands, teams);
    const history = await lookUpHistory(this.store.sql, this.tables, whatToLookUp(reads, teams, mode));
    recallFound(teams, history);
    const { replies, writes } = decideBatch(reads, teams, history);
    const offsets = this.options.recordConsumerOffsets ? consumerOffsetsOf(LedgerGroups.commands, batch) : [];
    if (hasWrites(writes, offsets)) {
      const started = performance.now();
      await inCommitSpan(batch, () =>
        this.store.sentTransaction((tx) => writeBatch(tx, this.tables, writes, offsets, this.clock.now())),
      );
      this.metrics.committed(batch.length, (performance.now() - started) / 1000);
    }
    for (const team of teams.values()) this.cache.put(team);
    this.metrics.answered(replies);
    return replies;
  }

  private async takeTeams(commands: readonly LedgerCommand[], teams: Map<string, TeamLedger>): Promise<void> {
    const missing = new Set<string>();
    for (const { teamId } of commands) {
      if (teams.has(teamId) || missing.has(teamId)) continue;
      const cached = this.cache.take(teamId);
      if (cached === undefined) missing.add(teamId);
      else teams.set(teamId, cached);
    }
    const loaded = await loadTeamLedgers(this.store, this.tables, [...missing], this.cache.limits);
    for (const team of loaded) teams.set(team.teamId, team);
  }

  /** Answered with a refusal, and also kept on the dead-letter topic for operators to inspect. */
  private deadLetterInvalid(batch: readonly Envelope<unknown>[], reads: readonly CommandRead[]): void {
    reads.forEach((read, i) => {
      if (read.ok) return;
      const { topic, key, value, headers } = batch[i];
      runWithRequestIds(requestIdsOf([batch[i]]), () =>
        this.logger.warn(`Refused an invalid command on ${topic}: ${read.error.message}`),
      );
      const deadLetter = { ...headers, [Headers.deadLetterReason]: read.error.message };
      Promise.resolve()
        .then(() => this.bus.publish(`${topic}.dead-letter`, key, value, deadLetter))
        .catch((error: unknown) => this.logger.error(`Could not dead-letter a command: ${String(error)}`));
    });
  }

  private logFailure(error: unknown, size: number): void {
    if (error instanceof WrongExpectedVersionError) {
      this.logger.warn(`Another writer appended to ${error.streamId}; its state is reloaded and the batch retried`);
      return;
    }
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.error(`A batch of ${size} commands failed and will be delivered again: ${reason}`);
  }
}
