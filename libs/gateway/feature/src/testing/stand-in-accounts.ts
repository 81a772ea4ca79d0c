import {
  type AccountKind,
  type AccountsCommandRequest,
  type AccountsQueryRequest,
  type KeyIdentity,
  replyOk,
  replyRefused,
  Topics,
} from '@subledger/contracts';
import type { Envelope, MessageBus } from '@subledger/messaging';
import { generateApiKey } from '../keys/api-key';

export interface IssuedKey {
  readonly key: string;
  readonly digest: string;
  readonly identity: KeyIdentity;
}

/**
 * The accounts service as the gateway's edge sees it: answers `AuthenticateKey` from keys the test
 * issues, counts the lookups, records the commands it receives, and can hold its answers back.
 */
export class StandInAccounts {
  readonly commands: AccountsCommandRequest[] = [];
  lookups = 0;
  private readonly identities = new Map<string, KeyIdentity>();
  private held: Promise<void> | null = null;
  private release: () => void = () => undefined;
  private next = 0;

  constructor(bus: MessageBus) {
    void bus.subscribe<AccountsQueryRequest, unknown>(Topics.accountsQueries, 'stand-in-accounts', (batch) =>
      this.answer(batch),
    );
    void bus.subscribe<AccountsCommandRequest, unknown>(Topics.accountsCommands, 'stand-in-accounts', async (batch) => {
      this.commands.push(...batch.map((message) => message.value));
      return batch.map(() => replyOk({ recorded: 1 }));
    });
  }

  issueKey(kind: AccountKind = 'main', changes: Partial<KeyIdentity> = {}): IssuedKey {
    const n = ++this.next;
    const generated = generateApiKey(changes.environment ?? 'live', kind);
    const identity: KeyIdentity = {
      keyId: `key_${n}`,
      accountId: `acc_${n}`,
      teamId: `team_${n}`,
      accountKind: kind,
      accountStatus: 'active',
      environment: generated.environment,
      revoked: false,
      ...changes,
      digest: generated.digest,
    };
    this.identities.set(generated.digest, identity);
    return { key: generated.key, digest: generated.digest, identity };
  }

  /** Knows a key issued by another stand-in (another replica's view of the same accounts). */
  register(issued: IssuedKey): void {
    this.identities.set(issued.digest, issued.identity);
  }

  /** Changes what the accounts service answers for a key from now on (another replica's write). */
  change(issued: IssuedKey, changes: Partial<KeyIdentity>): void {
    this.identities.set(issued.digest, { ...(this.identities.get(issued.digest) as KeyIdentity), ...changes });
  }

  /** Holds every answer until `resume()`; the answers are decided when the requests arrive. */
  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  resume(): void {
    this.release();
    this.held = null;
  }

  /** Answers as of when the request arrived, then waits while held: a reply in flight carries old news. */
  private async answer(batch: Envelope<AccountsQueryRequest>[]): Promise<unknown[]> {
    const replies = batch.map(({ value }) => {
      if (value.type !== 'AuthenticateKey') return replyRefused({ type: 'invalid_query' });
      this.lookups++;
      return replyOk({ identity: this.identities.get(value.digest) ?? null });
    });
    if (this.held) await this.held;
    return replies;
  }
}
