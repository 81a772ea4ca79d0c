import { Topics } from '@subledger/contracts';
import type { AccountsInternalCommand } from '@subledger/contracts';
import { newMessage, teamWithSubAccount } from '../testing/accounts-fixtures';
import { BACKENDS } from '../testing/test-backends';
import { useAccountsKit } from '../testing/use-accounts-kit';

describe.each(BACKENDS)('the simulated carrier (%s)', (backend, open) => {
  const draws = [0.9, 0.1, 0.9];
  const kit = useAccountsKit(open, { carrier: { failureRate: 0.5, random: () => draws.shift() ?? 0.9 } });

  it("reports the steps due together in one command per team, each message's steps in order, and refunds the failed one", async () => {
    const reports: AccountsInternalCommand[] = [];
    await kit().bus.subscribe<AccountsInternalCommand, undefined>(
      Topics.accountsCommands,
      `report-spy-${backend}`,
      async (batch) => {
        reports.push(
          ...batch.map((envelope) => envelope.value).filter((command) => command.type === 'AdvanceMessages'),
        );
        return batch.map(() => undefined);
      },
    );
    const { sub } = await teamWithSubAccount(kit());
    const messages = [newMessage(sub.accountId), newMessage(sub.accountId), newMessage(sub.accountId)];

    await kit().inOneBatch(
      sub.teamId,
      messages.map((message) => ({
        handOver: { type: 'RecordMessage', teamId: sub.teamId, message, at: kit().clock.now() },
      })),
    );
    await kit().carrier.settled();

    const ids = messages.map((message) => message.id);
    expect(
      reports.map((report) =>
        report.type === 'AdvanceMessages' ? report.steps.map((step) => [ids.indexOf(step.messageId), step.status]) : [],
      ),
    ).toEqual([
      [
        [0, 'sent'],
        [1, 'sent'],
        [2, 'sent'],
      ],
      [
        [0, 'delivered'],
        [1, 'failed'],
        [2, 'delivered'],
      ],
    ]);
    const { items } = await kit().read({
      type: 'ListMessages',
      teamId: sub.teamId,
      accountId: sub.accountId,
      cursor: null,
      limit: 10,
    });
    expect(items.map((item) => [item.status, item.refunded])).toEqual([
      ['delivered', false],
      ['failed', true],
      ['delivered', false],
    ]);
    expect(kit().ledger.of('RefundCharge')).toEqual([
      {
        type: 'RefundCharge',
        teamId: sub.teamId,
        chargeId: messages[1].chargeId,
        reason: 'delivery_failed',
        at: kit().clock.now(),
      },
    ]);
  });
});
