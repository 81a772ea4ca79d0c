import { applyDecorators, Catch, type RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { EventPattern, MessagePattern } from '@nestjs/microservices';
import type { SubscribeOptions } from '@subledger/messaging';
import { type Observable, throwError } from 'rxjs';

/** The id of the bus transport: handlers declared with it are registered on BusTransport only. */
export const BUS_TRANSPORT = Symbol('subledger-bus');

/** A bus handler's pattern: the topic it consumes and the consumer group it consumes it in. */
export interface BusPattern {
  readonly topic: string;
  readonly group: string;
}

/**
 * A batch handler of `topic` in consumer group `group` (docs/architecture.md, §3 "Handlers"): the
 * method gets a whole batch of one partition, in order (`Envelope[]`), and returns one reply per
 * message (undefined for a message that asked for none), sent by the bus once the method's promise
 * resolved, so after whatever it committed. Throwing fails the batch, which the bus delivers again;
 * `options.onRepeatedFailure` says what a batch that keeps failing turns into.
 */
export function BusHandler(topic: string, group: string, options: SubscribeOptions = {}): MethodDecorator {
  return applyDecorators(
    MessagePattern<BusPattern>({ topic, group }, BUS_TRANSPORT, { ...options }),
    UseFilters(PassErrorsToBus),
  );
}

/** As BusHandler, for a handler that answers nothing: whatever it returns, no reply is sent. */
export function BusEventHandler(topic: string, group: string, options: SubscribeOptions = {}): MethodDecorator {
  return applyDecorators(
    EventPattern<BusPattern>({ topic, group }, BUS_TRANSPORT, { ...options }),
    UseFilters(PassErrorsToBus),
  );
}

/**
 * Hands a handler's error to the bus as it was thrown. Nest's own filter would log it and replace
 * it with `{ status: 'error', message: 'Internal server error' }`, and the bus needs the error
 * itself: it logs it and writes its message as a dead letter's reason.
 */
@Catch()
export class PassErrorsToBus implements RpcExceptionFilter<unknown> {
  catch(error: unknown): Observable<never> {
    return throwError(() => error);
  }
}
