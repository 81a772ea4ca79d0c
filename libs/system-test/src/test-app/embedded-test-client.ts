import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { EmbeddedTestApp } from './embedded-test-app';

export interface TestTeam {
  readonly teamId: string;
  readonly mainAccountId: string;
  /** The main account's live key. */
  readonly mainKey: string;
}

/** Where a client sends its requests: the in-process server or a base URL, and the operator token. */
export type ClientTarget = Pick<EmbeddedTestApp, 'http' | 'adminToken'>;

/** Statuses a message leaves no more (docs/contract.md §5): the carrier is done with it. */
export const FINAL_MESSAGE_STATUSES: readonly string[] = ['delivered', 'failed'];

/**
 * Steps most end-to-end tests start with, through the public HTTP API only, so that they run the
 * same against the embedded composition and against the distributed gateway.
 */
export class EmbeddedTestClient {
  private topUps = 0;
  /** Operator keys are the operator's, not a team's: suites sharing a stack must not reuse each other's. */
  private readonly keyPrefix = `test-top-up-${randomBytes(4).toString('hex')}`;

  constructor(private readonly target: ClientTarget) {}

  get http() {
    return request(this.target.http);
  }

  admin(method: 'get' | 'post', path: string) {
    return this.http[method](path).set('Authorization', `Bearer ${this.target.adminToken}`);
  }

  as(key: string, method: 'get' | 'post' | 'patch' | 'delete', path: string) {
    return this.http[method](path).set('Authorization', `Bearer ${key}`);
  }

  async createTeam(name = 'Acme Messaging'): Promise<TestTeam> {
    const response = await this.admin('post', '/admin/v1/teams').send({ name }).expect(201);
    const body = response.body as { team: { id: string }; mainAccount: { id: string }; apiKey: { key: string } };
    return { teamId: body.team.id, mainAccountId: body.mainAccount.id, mainKey: body.apiKey.key };
  }

  /** Credits the team `cents`; each call is a distinct top-up. */
  async topUp(teamId: string, cents: number): Promise<number> {
    this.topUps += 1;
    const response = await this.admin('post', `/admin/v1/teams/${teamId}/top-ups`)
      .set('Idempotency-Key', `${this.keyPrefix}-${this.topUps}`)
      .send({ amount: cents })
      .expect(201);
    return (response.body as { balance: number }).balance;
  }

  async createSubAccount(
    mainKey: string,
    body: Record<string, unknown> = { name: 'Sub' },
  ): Promise<{ id: string; apiKey: string }> {
    const response = await this.as(mainKey, 'post', '/v1/sub-accounts').send(body).expect(201);
    const { subAccount } = response.body as { subAccount: { id: string; apiKey: string } };
    return { id: subAccount.id, apiKey: subAccount.apiKey };
  }

  /**
   * The message once the carrier is done with it (delivered or failed), read with GET
   * /v1/messages/:id as a customer would: the carrier runs on its own, in-process or not.
   */
  async settledMessage(key: string, messageId: string, timeoutMs = 30_000): Promise<{ id: string; status: string }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { message } = (await this.as(key, 'get', `/v1/messages/${messageId}`).expect(200)).body as {
        message: { id: string; status: string };
      };
      if (FINAL_MESSAGE_STATUSES.includes(message.status)) return message;
      if (Date.now() > deadline) throw new Error(`message ${messageId} still ${message.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
