import request from 'supertest';
import { snapshotTestDatabase, waitForBackgroundWrites } from '../../test-app/database-state';
import { RATE_LIMIT_OUT_OF_REACH, startTestApp, testMode } from '../../test-app/test-app';
import { buildCorpus, type CorpusCase } from './corpus-cases';
import { CORPUS_ROUTES, type IdKind } from './corpus-routes';
import { startCorpusTestApp } from './corpus-test-app';
import { type DatabaseSnapshot, snapshotDatabase } from '../../test-app/database-snapshot';
import { expectAnswer } from './expected-answer';
import { sendRaw } from './raw-http';

/** What the corpus runs against, over real HTTP. */
interface CorpusTarget {
  readonly baseUrl: string;
  readonly adminToken: string;
  /** Waits for the writes the app makes on its own. */
  settle(teamIds: readonly string[]): Promise<void>;
  snapshot(): Promise<DatabaseSnapshot>;
  close(): Promise<void>;
}

/** The embedded composition with /health beside it (corpus-test-app), or the distributed processes. */
async function startCorpusTarget(): Promise<CorpusTarget> {
  if (testMode() === 'embedded') {
    const app = await startCorpusTestApp();
    return { ...app, snapshot: () => snapshotDatabase(app.store) };
  }
  const testApp = await startTestApp(RATE_LIMIT_OUT_OF_REACH);
  return {
    baseUrl: await testApp.listen(),
    adminToken: testApp.adminToken,
    settle: (teamIds) => waitForBackgroundWrites(testApp, teamIds),
    snapshot: () => snapshotTestDatabase(testApp),
    close: () => testApp.close(),
  };
}

/**
 * docs/contract.md §3 against malformed input: every route gets the corpus (wrong types for every field,
 * numbers past every limit, 10 MB strings, deep JSON, bytes that are not UTF-8, prototype keys,
 * wrong media types, no credentials, injections in fields, path ids and query parameters). No
 * answer is a 5xx, every refusal has the error shape of docs/contract.md §3.1, the process stays healthy, and nothing at all
 * was written: every table and the event store's position are as they were.
 */
describe(`bad input on every route (${testMode()})`, () => {
  const corpus = buildCorpus();
  let testApp: CorpusTarget;
  let ids: Record<IdKind, string>;
  let mainKey: string;
  let before: DatabaseSnapshot;

  beforeAll(async () => {
    testApp = await startCorpusTarget();
    const http = request(testApp.baseUrl);
    const admin = (path: string) => http.post(path).set('Authorization', `Bearer ${testApp.adminToken}`);
    const created = (await admin('/admin/v1/teams').send({ name: 'Corpus' }).expect(201)).body;
    mainKey = created.apiKey.key;
    const team = created.team.id as string;
    await admin(`/admin/v1/teams/${team}/top-ups`)
      .set('Idempotency-Key', 'corpus-funds')
      .send({ amount: 10_000 })
      .expect(201);
    const asMain = (path: string) => http.post(path).set('Authorization', `Bearer ${mainKey}`);
    const subAccount = (await asMain('/v1/sub-accounts').send({ name: 'Target' }).expect(201)).body.subAccount.id;
    const apiKey = (await asMain(`/v1/sub-accounts/${subAccount}/api-keys`).send({ name: 'Target key' }).expect(201))
      .body.apiKey.id;
    const message = (await asMain('/v1/messages').send({ to: '+14155550100', text: 'Hello' }).expect(202)).body.message
      .id;
    ids = { team, subAccount, apiKey, message };
    await testApp.settle([team]);
    before = await testApp.snapshot();
  });

  afterAll(() => testApp?.close());

  const send = (corpusCase: CorpusCase) => {
    const token = corpusCase.path.startsWith('/admin') ? testApp.adminToken : mainKey;
    const credential: Record<string, string> =
      corpusCase.credential === 'route' ? { Authorization: `Bearer ${token}` } : {};
    const path = corpusCase.path.replace(/\{(\w+)\}/g, (_match, kind: IdKind) => ids[kind]);
    return sendRaw(testApp.baseUrl, {
      method: corpusCase.method,
      path,
      headers: { ...credential, ...corpusCase.headers },
      body: corpusCase.body,
    });
  };

  it.each(corpus)('$name', async (corpusCase) => {
    expectAnswer(await send(corpusCase), corpusCase.expected);
  });

  it('leaves the process healthy, and wrote nothing: every table and the event store position as before', async () => {
    const health = await sendRaw(testApp.baseUrl, { method: 'GET', path: '/health' });
    expect({ status: health.status, body: health.json }).toMatchObject({ status: 200, body: { status: 'ok' } });
    await testApp.settle([ids.team]);
    expect(await testApp.snapshot()).toEqual(before);
  });

  // Runs last, since it writes: each case above breaks one thing of a body the route accepts as is.
  it('control: every valid body of the corpus is accepted as is', async () => {
    const answers: string[] = [];
    for (const route of CORPUS_ROUTES.filter((candidate) => candidate.validBody)) {
      const path = route.path.replace(/:(\w+)/g, (_match, name: string) => ids[route.params?.[name] ?? 'team']);
      const token = route.auth === 'admin' ? testApp.adminToken : mainKey;
      const headers = {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': `control ${route.path}`,
      };
      const response = await sendRaw(testApp.baseUrl, {
        method: route.method,
        path,
        headers,
        body: Buffer.from(JSON.stringify(route.validBody)),
      });
      answers.push(`${route.method} ${route.path} ${response.status}`);
    }
    expect(answers).toEqual([
      'POST /v1/sub-accounts 201',
      'PATCH /v1/sub-accounts/:id 200',
      'POST /v1/sub-accounts/:id/api-keys 201',
      'POST /v1/messages 202',
      'POST /admin/v1/teams 201',
      'POST /admin/v1/teams/:id/top-ups 201',
      'POST /admin/v1/teams/:id/adjustments 201',
    ]);
  });
});
