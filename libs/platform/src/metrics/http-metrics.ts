import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { DURATION_BUCKETS, histogramMetric } from './registered-metrics';

/** Requests that matched no route share one label, so that probing URLs cannot grow the series. */
const UNMATCHED = 'unmatched';

/**
 * `http_request_duration_seconds{method,route,status_code}`: every answered request, timed by
 * Fastify from its arrival to the end of the answer. The route is the matched template
 * (`/v1/messages/:id`), never the path a client sent.
 */
@Injectable()
export class HttpMetrics implements OnModuleInit {
  private readonly duration = histogramMetric({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by route template and status, from arrival to the end of the answer',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: DURATION_BUCKETS,
  });

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    // Fastify binds hooks to routes when it becomes ready, after module initialisation.
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (typeof fastify?.addHook !== 'function') return;
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? UNMATCHED;
      this.duration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
  }
}
