import { atViolations, deliveryStepViolations, keyUsageViolations, recordMessageViolations } from './gathered-checks';

const message = {
  id: 'msg-1',
  accountId: 'acc-1',
  to: '+14155550100',
  channel: 'sms',
  messageType: 'text',
  text: 'Hi',
  subject: null,
  htmlBody: null,
  metadata: { orderId: 'o-1' },
  extra: null,
  cost: 7_500n,
  units: 1,
  isTest: false,
  chargeId: 'msg-1',
};

describe('checks of the gathered commands', () => {
  it('accepts a record as the gateway builds it, live or test', () => {
    expect(recordMessageViolations({ message, at: 1 })).toEqual([]);
    expect(
      recordMessageViolations({
        message: { ...message, isTest: true, chargeId: null, text: null, metadata: null },
        at: 0,
      }),
    ).toEqual([]);
  });

  it('names every wrong field of a record', () => {
    const broken = { ...message, id: '', cost: 7500, units: -1, metadata: ['x'], isTest: 'no', chargeId: 5 } as Record<
      string,
      unknown
    >;
    delete broken['channel'];
    expect(recordMessageViolations({ message: broken, at: 1.5 })).toEqual([
      { field: 'message.id', reason: 'empty' },
      { field: 'message.channel', reason: 'required' },
      { field: 'message.metadata', reason: 'not_an_object' },
      { field: 'message.cost', reason: 'not_an_integer' },
      { field: 'message.units', reason: 'negative' },
      { field: 'message.isTest', reason: 'not_allowed' },
      { field: 'message.chargeId', reason: 'not_a_string' },
      { field: 'at', reason: 'not_an_integer' },
    ]);
    expect(recordMessageViolations({ message: 'text', at: 1 })).toEqual([
      { field: 'message', reason: 'not_an_object' },
    ]);
    expect(recordMessageViolations({ at: 1 })).toEqual([{ field: 'message', reason: 'not_an_object' }]);
  });

  it('accepts only the statuses a carrier may report, and names a step by its place', () => {
    expect(deliveryStepViolations({ messageId: 'm', status: 'failed', errorCode: 'delivery_failed' })).toEqual([]);
    expect(deliveryStepViolations({ messageId: 'm', status: 'queued', errorCode: null })).toEqual([
      { field: 'status', reason: 'not_allowed' },
    ]);
    expect(deliveryStepViolations({ status: 'sent', errorCode: 3 }, 'steps.2.')).toEqual([
      { field: 'steps.2.messageId', reason: 'required' },
      { field: 'steps.2.errorCode', reason: 'not_a_string' },
    ]);
    expect(deliveryStepViolations(null, 'steps.0.')).toEqual([{ field: 'steps.0', reason: 'not_an_object' }]);
    expect(atViolations(-1)).toEqual([{ field: 'at', reason: 'negative' }]);
  });

  it('checks each key use of a usage report', () => {
    expect(keyUsageViolations([])).toEqual([]);
    expect(
      keyUsageViolations([
        { keyId: 'k', at: 5 },
        { keyId: 7, at: 5 },
      ]),
    ).toEqual([{ field: 'usages.1.keyId', reason: 'not_a_string' }]);
    expect(keyUsageViolations('k')).toEqual([{ field: 'usages', reason: 'not_an_array' }]);
  });
});
