// replay-events through the compiled CLI: events the ledger's own writer recorded, republished to a
// real broker, read back by a plain consumer and checked against docs/events/schemas.
import { randomBytes } from 'node:crypto';
import {
  AT,
  adjust,
  charge,
  openTeam,
  refund,
  setPolicy,
  topUp,
} from '../../../libs/ledger/feature/src/testing/ledger-commands.fixtures';
import { startLedger } from '../../../libs/ledger/feature/src/testing/ledger-test-app';
import {
  ledgerEventMessageProblems,
  ledgerEventSchemas,
} from '../../../libs/ledger/feature/src/outbox/testing/json-schema-check';
import { type ReadMessage, TopicReader, waitFor } from '../../../libs/ledger/feature/src/outbox/testing/relay-test-kit';
import { type OperatorSite, postgresSite } from './testing/operator-site';
import { runCli } from './testing/run-cli';

const TEAMS = ['team_replay_a', 'team_replay_b'];

describe('replay-events', () => {
  let site: OperatorSite;
  const prefix = () => `replay-${randomBytes(4).toString('hex')}.`;
  const env = (topicPrefix: string) => ({
    ...site.env,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS'] as string,
    KAFKA_TOPIC_PREFIX: topicPrefix,
  });

  beforeAll(async () => {
    site = await postgresSite();
    const stores = await site.open();
    const ledger = await startLedger(stores.ledger);
    for (const team of TEAMS) {
      await ledger.send(openTeam(team));
      await ledger.send(topUp(team, 'funds', 5_000_000n));
      await ledger.send(adjust(team, 'goodwill', -250_000n));
      await ledger.send(setPolicy(team, 'capped', 1_500_000n));
      for (let i = 0; i < 3; i++) await ledger.send({ ...charge(team, 'capped', `c${i}`, 700_000n), at: AT + i });
      await ledger.send(refund(team, 'c0'));
    }
    await ledger.close();
    await stores.close();
  }, 120_000);

  afterAll(() => site?.dispose());

  async function read(topic: string, count: number): Promise<ReadMessage[]> {
    const reader = await TopicReader.start(topic);
    try {
      await waitFor(() => reader.messages.length >= count, `${count} messages on ${topic}`);
      return [...reader.messages].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
    } finally {
      await reader.stop();
    }
  }

  it("republishes one team's events, every type conforming to its schema, the last one with the ledger's balance", async () => {
    const topicPrefix = prefix();
    const run = await runCli(['replay-events', '--team', 'team_replay_b'], env(topicPrefix));
    expect(run.stderr).toMatch(/8 events published to replay-[0-9a-f]+\.ledger\.events, through position \d+\n$/);
    expect(run.code).toBe(0);

    const messages = await read(`${topicPrefix}ledger.events`, 8);
    expect(messages.map(({ key }) => key)).toEqual(Array(8).fill('team_replay_b'));
    expect(messages.map(({ value }) => value.type)).toEqual([
      'TeamOpened',
      'TopUpRecorded',
      'BalanceAdjusted',
      'SpendPolicySet',
      'ChargeAccepted',
      'ChargeAccepted',
      'ChargeRefused',
      'ChargeRefunded',
    ]);
    const schemas = ledgerEventSchemas();
    for (const { headers, value } of messages) expect(ledgerEventMessageProblems(schemas, headers, value)).toEqual([]);
    // 5 - 0.25 - 0.7 - 0.7 + 0.7 (c2 refused past the 1.5 limit, c0 refunded).
    const [row] = await site.query<{ balance: string }>(
      `SELECT balance::text FROM "${site.ledgerSchema}".ledger_team_balances WHERE team_id = $1`,
      ['team_replay_b'],
    );
    expect(messages.map(({ value }) => value.balanceAfter)).toEqual([
      '0',
      '5000000',
      '4750000',
      '4750000',
      '4050000',
      '3350000',
      '3350000',
      '4050000',
    ]);
    expect(messages.at(-1)?.value.balanceAfter).toBe(row.balance);
  });

  it('republishes every team, and refuses an unknown team or a missing broker setting with exit code 2', async () => {
    const topicPrefix = prefix();
    const all = await runCli(['replay-events'], env(topicPrefix));
    expect(all.code).toBe(0);
    const messages = await read(`${topicPrefix}ledger.events`, 16);
    expect(messages).toHaveLength(16);
    for (const team of TEAMS)
      expect(messages.filter(({ key }) => key === team).map(({ value }) => value.version)).toEqual([
        '0',
        '1',
        '2',
        '3',
        '4',
        '5',
        '6',
        '7',
      ]);

    const unknown = await runCli(['replay-events', '--team', 'team_nobody'], env(prefix()));
    expect([unknown.code, unknown.stderr]).toEqual([
      2,
      expect.stringContaining('error: the ledger holds no team team_nobody\n'),
    ]);
    const noBroker = await runCli(['replay-events'], { ...site.env, KAFKA_BROKERS: '' });
    expect(noBroker.code).toBe(2);
    expect(noBroker.stderr).toContain('KAFKA_BROKERS');
  });
});
