import { DeliveryReports, type DeliveryStatus } from '@subledger/accounts-feature';
import { US } from './http-calls';
import type { EmbeddedTestClient, TestTeam } from './embedded-test-client';
import type { TestApp } from './test-app';
import { useTestApp } from './use-test-app';

export interface Sent {
  readonly id: string;
  readonly key: string;
}

/** The app of the test mode with a simulated carrier that fails this share of messages, and a fresh team with `topUpCents` for each test. */
export function carrierScenario(failureRate: number, topUpCents: number) {
  const { testApp, client } = useTestApp({ accounts: { carrier: { failureRate } } });
  let team: TestTeam;
  beforeEach(async () => {
    team = await client().createTeam();
    await client().topUp(team.teamId, topUpCents);
  });
  return {
    get: (): { testApp: TestApp; client: EmbeddedTestClient; team: TestTeam } => ({
      testApp: testApp(),
      client: client(),
      team,
    }),
    /** Sends `perKey` SMS with each key, one after the other, and waits until the carrier is done with every one. */
    async sendAll(keys: readonly string[], perKey: number): Promise<Sent[]> {
      const sent: Sent[] = [];
      for (const key of keys) {
        for (let i = 0; i < perKey; i++) {
          const response = await client()
            .as(key, 'post', '/v1/messages')
            .send({ to: US, text: `Message ${i}` })
            .expect(202);
          sent.push({ id: response.body.message.id, key });
        }
      }
      for (const { id, key } of sent) await client().settledMessage(key, id);
      return sent;
    },
    async statusesOf(sent: readonly Sent[]): Promise<string[]> {
      const statuses = [];
      for (const { id, key } of sent)
        statuses.push((await client().as(key, 'get', `/v1/messages/${id}`).expect(200)).body.message.status);
      return statuses;
    },
    /**
     * Delivers every report again, several times over and out of order, as an at-least-once
     * carrier may: through the accounts service's DeliveryReports, so in-process only.
     */
    async reportAgain(sent: readonly Sent[]): Promise<void> {
      const reports = testApp().app.get(DeliveryReports);
      const statuses: DeliveryStatus[] = ['failed', 'sent', 'delivered', 'failed'];
      const replies = await Promise.all(
        sent.flatMap(({ id }) =>
          statuses.map((status) => reports.report({ teamId: team.teamId, messageId: id, status, errorCode: null })),
        ),
      );
      expect(replies.filter((reply) => !reply.ok)).toEqual([]);
    },
  };
}
