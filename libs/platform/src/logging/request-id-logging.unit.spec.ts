import { Writable } from 'node:stream';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { InProcessBus } from '@subledger/messaging';
import { createHttpAdapter } from '../bootstrap/http-adapter';
import { scopeHandlersByRequestId } from '../messaging/request-id-scope';
import { runWithRequestIds } from './log-context';
import { nestLoggerOver } from './nest-logger';
import { createServiceLogger } from './service-logger';

/** A service logger writing into an array, one parsed object per line, the raw lines beside. */
function recordedLogger(level: 'info' | 'debug' = 'info') {
  const raw: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line !== ''),
      );
      done();
    },
  });
  const logger = createServiceLogger('test', level, sink);
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

/** docs/decisions.md, "Request ids": every log line written while serving a request names it. */
describe('request ids in log lines', () => {
  // nestjs-pino keeps the first pino logger it is given for the whole process, as a service has one.
  const nest = recordedLogger('debug');
  beforeAll(() => Logger.overrideLogger(nestLoggerOver(nest.logger)));
  beforeEach(() => nest.raw.splice(0));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('names the request of the message being handled, every request of a batch, and none outside', () => {
    const { logger, lines } = recordedLogger();

    runWithRequestIds(['req-1'], () => logger.info('one'));
    runWithRequestIds(['req-1', 'req-2'], () => logger.info('batch'));
    runWithRequestIds([], () => logger.info('no ids'));
    logger.info('outside');

    expect(lines().map(({ msg, reqId, reqIds }) => ({ msg, reqId, reqIds }))).toEqual([
      { msg: 'one', reqId: 'req-1', reqIds: undefined },
      { msg: 'batch', reqId: undefined, reqIds: ['req-1', 'req-2'] },
      { msg: 'no ids', reqId: undefined, reqIds: undefined },
      { msg: 'outside', reqId: undefined, reqIds: undefined },
    ]);
  });

  it('keeps it in the async work the handling starts', async () => {
    const { logger, lines } = recordedLogger();

    await runWithRequestIds(['req-async'], async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.info('later');
    });

    expect(lines()[0].reqId).toBe('req-async');
  });

  it("adds nothing to a line of a logger that has the request's id bound already (Fastify's per-request logger)", () => {
    const { logger, raw } = recordedLogger();

    runWithRequestIds(['req-1'], () => logger.child({ reqId: 'req-1' }).info('bound'));

    expect(raw[0].match(/"reqId"/g)).toHaveLength(1);
  });

  it("names the HTTP request on the lines Nest's loggers write while serving it", async () => {
    const { logger, lines } = nest;
    const adapter = createHttpAdapter({ loggerInstance: logger });
    const fastify = adapter.getInstance();
    fastify.get('/work', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      new Logger('Work').warn('working on it');
      return { ok: true };
    });
    await fastify.ready();

    const answer = await fastify.inject({ method: 'GET', url: '/work', headers: { 'x-request-id': 'http-7' } });
    await fastify.close();

    expect(answer.headers['x-request-id']).toBe('http-7');
    expect(
      lines()
        .filter((line) => line.msg === 'working on it')
        .map(({ reqId, context }) => ({ reqId, context })),
    ).toEqual([{ reqId: 'http-7', context: 'Work' }]);
  });

  it('names the requests of the batch on the lines a bus handler writes, and says at debug what it handles', async () => {
    const { lines } = nest;
    const bus = scopeHandlersByRequestId(new InProcessBus({ defaultPartitions: 1 }), 'test');
    const handled: string[] = [];
    bus.subscribe('work', 'workers', async (batch) => {
      new Logger('Worker').log(`handling ${batch.length}`);
      handled.push(...batch.map((message) => message.key));
      return batch.map(() => undefined);
    });

    bus.publish('work', 'a', {}, { 'request-id': 'req-a' });
    bus.publish('work', 'b', {}, {});
    for (let i = 0; i < 100 && handled.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    bus.close();

    expect(handled).toEqual(['a', 'b']);
    const written = lines().filter((line) => line.context === 'Worker' || line.context === 'bus:test');
    expect(written.map(({ level, context, msg, reqId, reqIds }) => ({ level, context, msg, reqId, reqIds }))).toEqual([
      {
        level: 20,
        context: 'bus:test',
        msg: 'Handling 2 messages of work for group workers',
        reqId: 'req-a',
        reqIds: undefined,
      },
      { level: 30, context: 'Worker', msg: 'handling 2', reqId: 'req-a', reqIds: undefined },
    ]);
  });
});
