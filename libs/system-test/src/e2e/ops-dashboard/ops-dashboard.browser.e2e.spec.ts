import { launchChromium, saveScreenshot } from '@subledger/test-harness';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testMode } from '../../test-app/test-app';
import { useTestApp } from '../../test-app/use-test-app';

const US = '+14155550100';
const HOSTILE = '<img src=x onerror=alert(1)>';
/** The page re-reads every 2 s and the projections follow within a second: what a sent message may take to show. */
const LIVE_MS = 3_000;

/** The ops dashboard at /ops in a real headless Chromium (docs/operations.md, "Ops dashboard"). */
describe(`ops dashboard in a browser (${testMode()})`, () => {
  const { testApp, client } = useTestApp({ accounts: { carrier: { failureRate: 0 } } });
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let baseUrl: string;
  const dialogs: string[] = [];

  beforeAll(async () => {
    baseUrl = await testApp().listen();
    browser = await launchChromium();
  });

  afterAll(() => browser?.close());

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterEach(async () => {
    await saveScreenshot(page, `ops-dashboard-${testMode()}-${expect.getState().currentTestName ?? 'test'}`);
    await context.close();
  });

  async function signIn(token: string): Promise<void> {
    await page.goto(`${baseUrl}/ops`);
    await page.fill('input[name=token]', token);
    await page.click('form.login button[type=submit]');
  }

  const text = (selector: string) => page.locator(selector).first().innerText();
  /** Waits until the element shows exactly `shown`, for at most `timeout` ms. */
  const showing = (selector: string, shown: string, timeout: number) =>
    page
      .locator(selector, { hasText: new RegExp(`^${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
      .waitFor({ timeout });

  it('is served with a Content-Security-Policy, and refuses a wrong operator token', async () => {
    const response = await page.goto(`${baseUrl}/ops`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn('not-the-operator-token');
    await expect(page.locator('form.login [role=alert]').innerText()).resolves.toBe('The operator token was refused.');
    expect(await page.locator('#nav').isHidden()).toBe(true);
    expect(await page.locator('table.teams').count()).toBe(0);
  });

  it('signs in, finds a team by its name and opens it', async () => {
    const name = `Dashboard Search ${Date.now()}`;
    const team = await client().createTeam(name);
    await client().topUp(team.teamId, 12_345);
    await signIn(testApp().adminToken);
    await page.fill('input[name=search]', name);
    await page.click('form.search button[type=submit]');
    const link = page.locator(`a[data-team-id="${team.teamId}"]`);
    await link.waitFor();
    expect(await page.locator('table.teams tbody tr').count()).toBe(1);
    expect(await page.locator('table.teams tbody tr').first().innerText()).toContain('123.45 USD');
    await link.click();
    await page.locator('[data-field=team-name]').waitFor();
    expect(await text('[data-field=team-name]')).toBe(name);
    expect(await text('[data-field=balance]')).toBe('123.45 USD');
    expect(await page.locator('table.accounts tbody tr').count()).toBe(1);
  });

  it('shows a sub-account named like markup as text, and runs nothing it holds', async () => {
    const team = await client().createTeam('Hostile Names');
    await client().topUp(team.teamId, 1_000);
    const hostile = await client().createSubAccount(team.mainKey, {
      name: HOSTILE,
      creditLimit: 100,
      metadata: { note: '<script>alert(2)</script>' },
    });
    await signIn(testApp().adminToken);
    await page.goto(`${baseUrl}/ops#/teams/${team.teamId}`);
    const row = page.locator(`tr[data-account-id="${hostile.id}"]`);
    await row.waitFor();
    expect(await row.locator('[data-field=account-name]').innerText()).toContain(HOSTILE);
    expect(await row.innerText()).toContain('<script>alert(2)</script>');
    expect(await page.locator('main img, main script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('moves the spend, the limit bar and the charts within 3 s of messages sent through the API', async () => {
    const team = await client().createTeam('Live Spend');
    await client().topUp(team.teamId, 1_000);
    const capped = await client().createSubAccount(team.mainKey, { name: 'Capped', creditLimit: 2 });
    await signIn(testApp().adminToken);
    await page.goto(`${baseUrl}/ops#/teams/${team.teamId}`);
    await page.locator(`tr[data-account-id="${capped.id}"]`).waitFor();
    expect(await text('[data-field=usage-summary]')).toBe('0 charges, 0 refusals, spend 0.00');
    expect(await page.locator(`tr[data-account-id="${capped.id}"]`).getAttribute('data-limit-level')).toBe('ok');

    for (const expected of [202, 202, 402])
      await client().as(capped.apiKey, 'post', '/v1/messages').send({ to: US, text: 'live' }).expect(expected);
    const sent = Date.now();
    await page.locator(`tr[data-account-id="${capped.id}"][data-limit-level=reached]`).waitFor({ timeout: LIVE_MS });
    await showing(
      '[data-field=usage-summary]',
      '2 charges, 1 refusals, spend 0.0158',
      Math.max(1, LIVE_MS - (Date.now() - sent)),
    );
    expect(await page.locator(`tr[data-account-id="${capped.id}"] [data-field=total-spent]`).innerText()).toBe('0.02');
    expect(await page.locator('.usage svg.chart').getAttribute('data-total')).toBe('3');

    await page.click('#nav a[href="#/system"]');
    await page.locator('[data-field=accepted-total]').waitFor();
    const acceptedBefore = Number((await text('[data-field=accepted-total]')).split(' ')[0]);
    const refusedBefore = Number((await text('[data-field=refused-total]')).split(' ')[0]);
    await client().as(team.mainKey, 'post', '/v1/messages').send({ to: US, text: 'system' }).expect(202);
    await client().as(capped.apiKey, 'post', '/v1/messages').send({ to: US, text: 'refused' }).expect(402);
    const sentToo = Date.now();
    await showing('[data-field=accepted-total]', `${acceptedBefore + 1} charges accepted`, LIVE_MS);
    await showing(
      '[data-field=refused-total]',
      `${refusedBefore + 1} charges refused`,
      Math.max(1, LIVE_MS - (Date.now() - sentToo)),
    );
    expect(await page.locator('.legend').innerText()).toContain('credit_limit_exceeded');
    expect(await page.locator('table.projections tbody tr').count()).toBeGreaterThan(0);
    expect(await text('[data-field=kafka]')).toMatch(
      testMode() === 'distributed' ? /ledger\.commands\t\d+\t\d+/ : /Embedded mode/,
    );
  });
});
