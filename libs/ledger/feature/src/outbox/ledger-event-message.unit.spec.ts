import type { RecordedEvent } from '@subledger/event-store';
import { ledgerEventMessage, teamIdOfStream } from './ledger-event-message';

const recorded = (overrides: Partial<RecordedEvent> = {}): RecordedEvent => ({
  id: '0b6f6b1c-94a5-8c2e-9f1a-1f2e3d4c5b6a',
  streamId: 'team-team_abc',
  type: 'ChargeAccepted',
  data: {
    type: 'ChargeAccepted',
    schemaVersion: 1,
    chargeId: 'c1',
    accountId: 'a1',
    amount: '9007199254740993',
    at: 1,
  },
  metadata: { balanceAfter: '12' },
  streamVersion: 7n,
  globalPosition: 12345678901234567890n,
  recordedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
  ...overrides,
});

describe('teamIdOfStream', () => {
  it.each([
    ['team-team_abc', 'team_abc'],
    ['team-x', 'x'],
    ['team-accounts-x', 'accounts-x'],
  ])('reads the team of %s', (streamId, teamId) => {
    expect(teamIdOfStream(streamId)).toBe(teamId);
  });

  it.each(['team-', 'account-x', 'teams-x', 'x-team-y', ''])('finds no team in %j', (streamId) => {
    expect(teamIdOfStream(streamId)).toBeUndefined();
  });
});

describe('ledgerEventMessage', () => {
  it('keys a ledger event by its team and carries it as plain JSON, positions and versions as decimal strings', () => {
    const message = ledgerEventMessage(recorded(), 'usd');

    expect(message).toEqual({
      key: 'team_abc',
      value: {
        eventId: '0b6f6b1c-94a5-8c2e-9f1a-1f2e3d4c5b6a',
        teamId: 'team_abc',
        streamId: 'team-team_abc',
        version: '7',
        position: '12345678901234567890',
        type: 'ChargeAccepted',
        data: {
          type: 'ChargeAccepted',
          schemaVersion: 1,
          chargeId: 'c1',
          accountId: 'a1',
          amount: '9007199254740993',
          at: 1,
        },
        recordedAt: '2026-01-02T03:04:05.006Z',
        currency: 'usd',
        balanceAfter: '12',
      },
      headers: {
        'event-id': '0b6f6b1c-94a5-8c2e-9f1a-1f2e3d4c5b6a',
        'event-type': 'ChargeAccepted',
        'event-schema-version': '1',
      },
    });
    expect(JSON.parse(JSON.stringify(message?.value))).toEqual(message?.value);
  });

  it("adds the causation and correlation ids the event's metadata carries, and no other metadata", () => {
    const message = ledgerEventMessage(
      recorded({ metadata: { balanceAfter: '1', causationId: 'cmd-1', correlationId: 'req-9' } }),
      'usd',
    );

    expect(message?.headers).toEqual({
      'event-id': '0b6f6b1c-94a5-8c2e-9f1a-1f2e3d4c5b6a',
      'event-type': 'ChargeAccepted',
      'event-schema-version': '1',
      'causation-id': 'cmd-1',
      'correlation-id': 'req-9',
    });
  });

  it('leaves out headers whose source is missing or not text', () => {
    const message = ledgerEventMessage(
      recorded({ data: { type: 'TeamOpened' }, metadata: { balanceAfter: '0', causationId: 42, correlationId: null } }),
      'usd',
    );

    expect(message?.headers).toEqual({
      'event-id': '0b6f6b1c-94a5-8c2e-9f1a-1f2e3d4c5b6a',
      'event-type': 'ChargeAccepted',
    });
  });

  it('refuses a ledger event without the balance the ledger keeps beside it', () => {
    expect(() => ledgerEventMessage(recorded({ metadata: { correlationId: 'req-9' } }), 'usd')).toThrow(
      'Event 7 of team-team_abc carries no balanceAfter',
    );
  });

  it.each([
    ['a stream of another service', { streamId: 'account-a1', type: 'AccountCreated' }],
    [
      "the accounts service's team directory, whose streams also start with team-",
      { streamId: 'team-accounts-t1', type: 'TeamCreated' },
    ],
    ['an unknown type on a team stream', { streamId: 'team-t1', type: 'Nonsense' }],
    ['a type inherited from Object', { streamId: 'team-t1', type: 'constructor' }],
  ])('passes over %s', (_what, overrides) => {
    expect(ledgerEventMessage(recorded(overrides), 'usd')).toBeUndefined();
  });
});
