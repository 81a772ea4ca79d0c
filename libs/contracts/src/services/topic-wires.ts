import type { DecodeError } from '../codec/decode-error';
import type { WireCodec } from '../codec/wire-codec';
import {
  type AccountsCommandTopicRequest,
  accountsCommandWire,
  accountsInvalidRequest,
  accountsQueryWire,
  accountsReplyWire,
} from './accounts-wire';
import { ledgerCommandReplyWire, ledgerCommandWire, ledgerQueryReplyWire, ledgerQueryWire } from './ledger-wire';
import type { LedgerQuery } from './ledger-requests';
import { replyRefused } from './service-reply';
import { Topics } from './topics';

/** How the requests of one topic and their replies travel as text. */
export interface TopicWire {
  readonly request: WireCodec<unknown>;
  /** The reply codec of a request: the shape of a reply depends on what was asked. */
  replyTo(request: unknown): WireCodec<unknown>;
  /** The reply to a request that does not decode: refused as the topic's handler refuses an invalid one. */
  refusal(error: Pick<DecodeError, 'message' | 'field'>): unknown;
}

const typeOf = (request: unknown): string => (request as { type?: unknown } | null)?.type as string;

const accountsReply = (request: unknown): WireCodec<unknown> =>
  (accountsReplyWire(typeOf(request) as AccountsCommandTopicRequest['type']) ??
    accountsReplyWire('GetTeam')) as WireCodec<unknown>;

const wires: Readonly<Record<string, TopicWire>> = {
  [Topics.ledgerCommands]: {
    request: ledgerCommandWire as WireCodec<unknown>,
    replyTo: () => ledgerCommandReplyWire as WireCodec<unknown>,
    refusal: ({ field, message }) => replyRefused({ type: 'invalid_command', field: field ?? null, message }),
  },
  [Topics.ledgerQueries]: {
    request: ledgerQueryWire as WireCodec<unknown>,
    replyTo: (request) => ledgerQueryReplyWire(typeOf(request) as LedgerQuery['type']) as WireCodec<unknown>,
    refusal: ({ message }) => replyRefused({ type: 'invalid_query', message }),
  },
  [Topics.accountsCommands]: {
    request: accountsCommandWire as WireCodec<unknown>,
    replyTo: accountsReply,
    refusal: ({ field }) => accountsInvalidRequest(field),
  },
  [Topics.accountsQueries]: {
    request: accountsQueryWire as WireCodec<unknown>,
    replyTo: accountsReply,
    refusal: ({ field }) => accountsInvalidRequest(field),
  },
};

/** The wire of a request-reply topic; undefined for the others (`ledger.events` carries encoded events). */
export function topicWire(topic: string): TopicWire | undefined {
  return Object.hasOwn(wires, topic) ? wires[topic] : undefined;
}
