import type { LedgerEvent } from '@subledger/contracts';
import type { EventData, StreamAppend } from '@subledger/event-store';
import { accountSpendOf, evolve, numbersAfter } from '@subledger/ledger-domain';
import type { AccountSpendRow } from '../projections/account-spend.projection';
import type { TeamBalanceRow } from '../projections/team-balance.projection';
import { expectedVersionOf, type TeamLedger } from '../team-state/team-ledger';
import { teamEventData, teamStreamId } from '../team-state/team-stream';
import { BatchAnswers } from './earlier-answers';
import type { UnchangedStream } from './unchanged-streams';

/**
 * What one batch does to one team: the events it decided, applied to the team's state as they
 * come (the next command of the batch must see them), and what to write once the batch commits.
 */
export class TeamBatch {
  /** The answers of the team's commands decided in this batch. */
  readonly answers = new BatchAnswers();
  private readonly events: EventData[] = [];
  private readonly accounts = new Set<string>();
  private readonly streamId: string;
  private readonly startVersion: bigint;

  constructor(private readonly team: TeamLedger) {
    this.streamId = teamStreamId(team.teamId);
    this.startVersion = team.version;
  }

  /** `correlationId`: the id of the HTTP request the command was sent for, kept in the events' metadata. */
  apply(events: readonly LedgerEvent[], correlationId?: string): void {
    const { team } = this;
    for (const event of events) {
      evolve(team.state, event);
      team.version += 1n;
      this.events.push(
        teamEventData(this.streamId, team.version, event, numbersAfter(team.state, event), correlationId),
      );
      const accountId = spendChangedBy(event);
      if (accountId !== null) this.accounts.add(accountId);
    }
  }

  append(): StreamAppend | null {
    if (this.events.length === 0) return null;
    return { streamId: this.streamId, events: this.events, expectedVersion: expectedVersionOf(this.startVersion) };
  }

  /** When the batch decided on the team but appended nothing: the version those decisions read. */
  unchangedStream(): UnchangedStream | null {
    return this.events.length === 0 ? { streamId: this.streamId, version: this.startVersion } : null;
  }

  balanceRow(): TeamBalanceRow | null {
    const { teamId, state, version } = this.team;
    if (this.events.length === 0 || state.team === null) return null;
    return { teamId, currency: state.team.currency, balance: state.balance, streamVersion: version };
  }

  spendRows(): AccountSpendRow[] {
    const { teamId, state, version } = this.team;
    return [...this.accounts].map((accountId) => ({
      teamId,
      accountId,
      ...accountSpendOf(state, accountId),
      streamVersion: version,
    }));
  }
}

/** The account whose spend or policy the event changes, if any; a refused charge changes none. */
export function spendChangedBy(event: LedgerEvent): string | null {
  switch (event.type) {
    case 'ChargeAccepted':
    case 'ChargeRefunded':
    case 'SpendPolicySet':
      return event.accountId;
    case 'TeamOpened':
    case 'TopUpRecorded':
    case 'BalanceAdjusted':
    case 'ChargeRefused':
      return null;
    default: {
      const unknown: never = event;
      throw new Error(`Unknown ledger event ${JSON.stringify(unknown)}`);
    }
  }
}
