import { resolveAccountsOptions } from '../accounts-options';
import type { DeliveryStep } from '@subledger/contracts';
import type { DeliveryReports } from './delivery-reports';
import { MAX_STEPS_PER_REPORT, SimulatedCarrier } from './simulated-carrier';

/** Reports answered at once (every step applied), after `failFirst` reports that get no answer. */
function reportsThat(failFirst = 0) {
  const sent: { teamId: string; steps: readonly DeliveryStep[] }[] = [];
  const reports = {
    reportMany: jest.fn(async (teamId: string, steps: readonly DeliveryStep[]) => {
      sent.push({ teamId, steps });
      if (sent.length <= failFirst) throw new Error('No reply on accounts.commands within 10000 ms');
      return {
        ok: true as const,
        value: { steps: steps.map((step) => ({ ok: true as const, value: { status: step.status } })) },
      };
    }),
  };
  return { reports: reports as unknown as DeliveryReports, sent };
}

const carrierWith = (reports: DeliveryReports) =>
  new SimulatedCarrier(reports, resolveAccountsOptions({ carrier: { stepDelayMs: 0, failureRate: 0 } }));
const message = (i: number, teamId = 'team_1') => ({
  teamId,
  accountId: 'proj_1',
  messageId: `msg_${i}`,
  channel: 'sms',
  isTest: false,
});

describe('SimulatedCarrier', () => {
  it("splits a team's steps that fall due together into reports of at most MAX_STEPS_PER_REPORT", async () => {
    const { reports, sent } = reportsThat();
    const carrier = carrierWith(reports);
    const count = 2 * MAX_STEPS_PER_REPORT + 50;
    for (let i = 0; i < count; i++) carrier.dispatch(message(i));
    await carrier.settled();
    expect(sent.map((report) => [report.steps[0].status, report.steps.length])).toEqual([
      ['sent', MAX_STEPS_PER_REPORT],
      ['sent', MAX_STEPS_PER_REPORT],
      ['sent', 50],
      ['delivered', MAX_STEPS_PER_REPORT],
      ['delivered', MAX_STEPS_PER_REPORT],
      ['delivered', 50],
    ]);
  });

  it('sends a report that got no answer again, and the deliveries go on', async () => {
    const { reports, sent } = reportsThat(2);
    const carrier = carrierWith(reports);
    carrier.dispatch(message(1));
    carrier.dispatch(message(2, 'team_2'));
    await carrier.settled();
    const steps = sent.map(({ teamId, steps: [step] }) => `${teamId} ${step.messageId} ${step.status}`);
    expect(steps.filter((step) => step.endsWith('sent'))).toEqual([
      'team_1 msg_1 sent',
      'team_2 msg_2 sent',
      'team_1 msg_1 sent',
      'team_2 msg_2 sent',
    ]);
    expect(steps.filter((step) => step.endsWith('delivered')).sort()).toEqual([
      'team_1 msg_1 delivered',
      'team_2 msg_2 delivered',
    ]);
  });

  it('stops waiting to send a report again when the application shuts down', async () => {
    const { reports, sent } = reportsThat(1);
    const carrier = carrierWith(reports);
    carrier.dispatch(message(1));
    while (sent.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    carrier.onApplicationShutdown();
    await carrier.settled();
    expect(sent).toHaveLength(1);
  });
});
