import request from 'supertest';
import type { EmbeddedTestApp } from './embedded-test-app';

export interface TestTeam {
  readonly teamId: string;
  readonly mainAccountId: string;
  /** The main account's live key. */
  readonly mainKey: string;
}

/** Steps most end-to-end tests start with, through the public HTTP API only. */
export class EmbeddedTestClient {
  private topUps = 0;

  constructor(private readonly testApp: EmbeddedTestApp) {}

  get http() {
    return request(this.testApp.http);
  }

  admin(method: 'get' | 'post', path: string) {
    return this.http[method](path).set('Authorization', `Bearer ${this.testApp.options.adminToken}`);
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
      .set('Idempotency-Key', `test-top-up-${this.topUps}`)
      .send({ amount: cents })
      .expect(201);
    return (response.body as { balance: number }).balance;
  }

  async createSubAccount(mainKey: string, body: Record<string, unknown> = { name: 'Sub' }): Promise<{ id: string; apiKey: string }> {
    const response = await this.as(mainKey, 'post', '/v1/sub-accounts').send(body).expect(201);
    const { subAccount } = response.body as { subAccount: { id: string; apiKey: string } };
    return { id: subAccount.id, apiKey: subAccount.apiKey };
  }
}
