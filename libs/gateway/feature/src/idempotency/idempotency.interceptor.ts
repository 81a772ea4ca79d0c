import {
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type Clock, CLOCK } from '@subledger/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { catchError, defer, from, mergeMap, type Observable, of, throwError } from 'rxjs';
import { callerOf, type RequestWithCaller } from '../auth/caller';
import { errorResponseOf } from '../errors/error-response';
import { redactApiKeys } from '../keys/api-key';
import { GatewayMetrics } from '../metrics/gateway-metrics';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { effectiveIdempotencyKey, IDEMPOTENCY_KEY_HEADER } from './effective-idempotency-key';
import {
  IDEMPOTENCY_BODY_FIELD,
  IDEMPOTENCY_KEY_PROPERTY,
  type RequestWithIdempotencyKey,
} from './idempotency-key.decorator';
import { idempotencyKeyReused, requestInProgress } from './idempotency-errors';
import { type IdempotencyRecord, IdempotencyStore, type StoredResponse } from './idempotency.store';
import { outcomeHeaders, replay } from './replayed-response';
import { requestFingerprint } from './request-fingerprint';

type IdempotentRequest = FastifyRequest & RequestWithCaller & RequestWithIdempotencyKey;

interface Claimed {
  readonly scope: string;
  readonly key: string;
  readonly owner: string;
}

/**
 * docs/contract.md §3 idempotency on every authenticated POST. The first request with a key claims it and runs;
 * its response is stored unless it is a 5xx (the client may retry those), with any API key in it
 * redacted. The same key and request again replays the stored status and body with
 * `Idempotent-Replayed: true`; a different request is 409 `idempotency_key_reused`; one arriving
 * while the first still runs is 409 `request_in_progress`. A claim is a lease: a gateway that dies
 * mid-request frees its keys when the lease expires.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);
  private readonly leaseMs: number;

  constructor(
    private readonly reflector: Reflector,
    private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly metrics: GatewayMetrics,
  ) {
    // Long enough for a handler making a few upstream requests, each bounded by the request timeout.
    this.leaseMs = Math.max(30_000, 4 * options.requestTimeoutMs);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const response = context.switchToHttp().getResponse<FastifyReply>();
    const caller = callerOf(request);
    // Keys are scoped to a caller; a public route has none to scope them to.
    if (request.method !== 'POST' || !caller) return next.handle();
    return defer(() => {
      const bodyField = this.reflector.getAllAndOverride<string | undefined>(IDEMPOTENCY_BODY_FIELD, [
        context.getHandler(),
        context.getClass(),
      ]);
      const key = effectiveIdempotencyKey(request.headers[IDEMPOTENCY_KEY_HEADER], request.body, bodyField);
      if (key === null) return next.handle();
      request[IDEMPOTENCY_KEY_PROPERTY] = key;
      const claimed: Claimed = {
        scope: caller.kind === 'admin' ? 'admin' : caller.identity.accountId,
        key,
        owner: randomUUID(),
      };
      const fingerprint = requestFingerprint('POST', request.originalUrl, request.body);
      const claim = this.store.claim({
        ...claimed,
        fingerprint,
        now: this.clock.now(),
        leaseMs: this.leaseMs,
        retentionMs: this.options.idempotencyRetentionMs,
      });
      return from(claim).pipe(
        mergeMap((result) =>
          result.type === 'owned'
            ? this.run(claimed, next, response)
            : of(this.answerExisting(result.record, fingerprint, request, response)),
        ),
      );
    });
  }

  private run(claimed: Claimed, next: CallHandler, response: FastifyReply): Observable<unknown> {
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        // A created key is shown once and never stored (docs/contract.md §2): a replay says `[redacted]` instead.
        const json = body === undefined ? null : redactApiKeys(JSON.stringify(body));
        await this.finish(claimed, { status: response.statusCode, headers: outcomeHeaders(response), body: json });
        return body;
      }),
      catchError((error: unknown) => {
        const { status, body } = errorResponseOf(error);
        // The client gets the original error whatever happens to its record.
        const recorded = this.finish(claimed, { status, headers: {}, body: JSON.stringify(body) }).catch(
          (storeError: unknown) => this.logStoreFailure(storeError),
        );
        return from(recorded).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }

  private async finish({ scope, key, owner }: Claimed, stored: StoredResponse): Promise<void> {
    if (stored.status >= 500) return this.store.release(scope, key, owner);
    const completed = await this.store.complete(scope, key, owner, stored);
    // The lease expired and a retry took the key over: that retry's response is the one kept.
    if (!completed) this.logger.warn(`An idempotent request of scope ${scope} finished after its lease was taken over`);
  }

  private answerExisting(
    record: IdempotencyRecord,
    fingerprint: string,
    request: IdempotentRequest,
    response: FastifyReply,
  ): unknown {
    if (record.fingerprint !== fingerprint) throw idempotencyKeyReused();
    if (record.state === 'in_progress') throw requestInProgress();
    this.metrics.idempotentReplays.inc({ route: request.routeOptions.url ?? 'unmatched' });
    return replay(response, record.response);
  }

  private logStoreFailure(error: unknown): void {
    this.logger.error(`Could not record an idempotent response: ${(error as Error).message}`, (error as Error).stack);
  }
}
