import type { Browser, Page } from 'playwright-core';
import { familyBody, memberBody, missingPersonBody, V1 } from '../factories/family.factory';
import { buildWorld, uniqueSuffix, type TestWorld } from '../factories/world.factory';
import { startTestApp, type TestApp } from '../setup/test-app';
import { DESKTOP, launchBrowser, PHONE, requireWebBuild, screenshot, seriousA11yViolations } from './browser';

describe('the web UI in a browser (accompanier)', () => {
  let t: TestApp;
  let world: TestWorld;
  let browser: Browser;
  let origin: string;
  /** The accompanier's family, found by the Cyrillic spelling of its contact person. */
  let family: { id: string; missing: string; cyrillic: string };
  let othersFamilyId: string;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_IP_PER_MINUTE: '1000' }, { webDir: requireWebBuild() });
    // Secure cookies are accepted from http://localhost only (not from 127.0.0.1).
    origin = t.http.baseUrl.replace('127.0.0.1', 'localhost');
    world = await buildWorld(t.http);
    const tag = uniqueSuffix();
    const missing = `Rəşad Quliyev ${tag}`;
    const cyrillic = `Гюльнара Кулиева ${tag}`;
    const created = await t.http.post(
      `${V1}/families`,
      familyBody({
        members: [
          memberBody({ fullName: `Gülnarə Quliyeva ${tag}`, otherNames: [cyrillic], isContactPerson: true }),
        ],
        missingPersons: [missingPersonBody({ fullName: missing })],
      }),
      { token: world.a.accompanier.accessToken },
    );
    expect(created.status).toBe(201);
    family = { id: created.body.id, missing, cyrillic };
    const others = await t.http.post(`${V1}/families`, familyBody(), {
      token: world.b.accompanier.accessToken,
    });
    expect(others.status).toBe(201);
    othersFamilyId = others.body.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signedIn(viewport: { width: number; height: number }, user = world.a.accompanier) {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${origin}/`);
    await page.getByLabel('Language').selectOption('en');
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'My families' }).waitFor();
    return { page, context, cspViolations: violations };
  }

  async function journey(page: Page, shotPrefix: string) {
    // Find the family by the Cyrillic spelling of a member's name.
    await page.getByLabel('Search by name (any script)').fill(family.cyrillic.split(' ')[0]!);
    await page.getByRole('link', { name: family.missing }).click();
    await page.getByRole('heading', { name: new RegExp(family.missing) }).waitFor();
    expect(page.url()).toBe(`${origin}/families/${family.id}`);

    // Record a contact with a follow-up in nine days.
    const summary = `Visited the family, talked about the DNA sample ${uniqueSuffix()}`;
    const next = new Date(Date.now() + 9 * 86_400_000);
    const local = new Date(next.getTime() - next.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Summary').fill(summary);
    await page.getByLabel('Next follow-up').fill(local);
    await screenshot(page, `${shotPrefix}-contact-form`);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    // The contact is in the timeline, its follow-up among the family's reminders.
    await page.locator('.timeline').getByText(summary).waitFor();
    await page.locator('.reminder').getByText('Follow-up contact').first().waitFor();
    await screenshot(page, `${shotPrefix}-family`);

    // …and in the reminders inbox.
    await page.getByRole('link', { name: 'Reminders' }).click();
    await page.getByRole('heading', { name: 'Reminders' }).waitFor();
    await page.locator('.reminder').first().waitFor();
    await screenshot(page, `${shotPrefix}-reminders`);
    return summary;
  }

  it('should let an accompanier find a family by a Cyrillic spelling, record a contact and see its reminder (desktop)', async () => {
    const { page, context, cspViolations } = await signedIn(DESKTOP);
    await screenshot(page, 'desktop-families');
    const summary = await journey(page, 'desktop');

    // Exactly one contact recorded, with the follow-up date typed.
    const contacts = await t.http.get<{ items: Array<{ summary: string }> }>(
      `${V1}/families/${family.id}/contacts`,
      {
        token: world.a.accompanier.accessToken,
      },
    );
    expect(contacts.body.items.filter((c) => c.summary === summary)).toHaveLength(1);
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('should do the same journey on a phone-sized screen', async () => {
    const { page, context } = await signedIn(PHONE);
    await journey(page, 'phone');
    // Nothing wider than the screen.
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('should keep the access token out of storage and the refresh token out of script’s reach', async () => {
    const { page, context } = await signedIn(DESKTOP);
    const stored = await page.evaluate<string>(
      'JSON.stringify({ ...localStorage, ...sessionStorage }) + document.cookie',
    );
    expect(stored).not.toMatch(/eyJ|accompany_refresh/);
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'accompany_refresh')).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
    });
    // A reload keeps the session through the cookie alone.
    await page.reload();
    await page.getByRole('heading', { name: 'My families' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'accompany_refresh')).toBeUndefined();
    await context.close();
  });

  it('should show the not-found screen for another accompanier’s family', async () => {
    const { page, context } = await signedIn(DESKTOP);
    await page.goto(`${origin}/families/${othersFamilyId}`);
    await page.getByRole('heading', { name: 'Not found' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain('Nizami');
    await context.close();
  });

  it('should keep a refused contact as typed and show the server’s field error', async () => {
    const { page, context } = await signedIn(PHONE);
    await page.goto(`${origin}/families/${family.id}`);
    await page.getByLabel('Summary').fill('Typed text that must survive');
    // Valid for the browser's checks, refused by the server: a participant is not a member.
    await page.route('**/contacts', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, participantIds: [crypto.randomUUID()] }) });
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /member/i })
      .waitFor();
    expect(await page.getByLabel('Summary').inputValue()).toBe('Typed text that must survive');
    await context.close();
  });

  it('should retry a submit whose connection dropped with the same Idempotency-Key, recording it once', async () => {
    const { page, context } = await signedIn(DESKTOP);
    await page.goto(`${origin}/families/${family.id}`);
    const summary = `Dropped connection ${uniqueSuffix()}`;
    await page.getByLabel('Summary').fill(summary);
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/contacts', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (!dropped) {
        dropped = true;
        // The server records it, but the answer never reaches the browser.
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(keys.length).toBe(2);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
    const contacts = await t.http.get<{ items: Array<{ summary: string }> }>(
      `${V1}/families/${family.id}/contacts`,
      {
        token: world.a.accompanier.accessToken,
      },
    );
    expect(contacts.body.items.filter((c) => c.summary === summary)).toHaveLength(1);
    await context.close();
  });

  it('should pass axe on the main pages without serious or critical violations', async () => {
    const { page, context } = await signedIn(DESKTOP);
    const found: Record<string, string[]> = {};
    found.families = await seriousA11yViolations(page);
    await page.goto(`${origin}/families/${family.id}`);
    await page.getByRole('heading', { name: 'Contact timeline' }).waitFor();
    found.family = await seriousA11yViolations(page);
    await page.goto(`${origin}/reminders`);
    await page.getByRole('heading', { name: 'Reminders' }).waitFor();
    found.reminders = await seriousA11yViolations(page);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    found.login = await seriousA11yViolations(page);
    await screenshot(page, 'login');
    expect(found).toEqual({ families: [], family: [], reminders: [], login: [] });
    await context.close();
  });
});
