// The predicates passed to waitForFunction run in the page, hence the DOM types.
/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { DEMO_DATASET, DEMO_USERS } from '@pc/intake';
import { System, eventually } from '@pc/system';
import { ensureConsoleBuilt } from '../tools/console-build';
import { handleToResolution } from './work-order-steps';

/**
 * Issue 16, the department consoles, in a real browser: Debian's chromium, headless, driven by
 * playwright-core, against the console the gateway serves at `/`. Real: the four subgraph processes,
 * the gateway, PostgreSQL and NATS JetStream. Each step asserts what is on the screen and saves a
 * screenshot in both languages to dist/test-artifacts/console.
 */
const ROOT = join(__dirname, '..');
const ARTIFACTS = join(ROOT, 'dist/test-artifacts/console');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ALLOWED_ORIGIN = 'https://bi.example.com';

let system: System;
let browser: Browser;
let origin: string;
/** Every signed-in page (photographed after each test). */
const pages: Page[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
  ensureConsoleBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  system = await System.start({
    env: { ...process.env, GRAPHQL_SANDBOX: 'true', CORS_ORIGINS: ALLOWED_ORIGIN },
    consoleDemoUsers: DEMO_USERS,
  });
  await system.seedRegistry(DEMO_DATASET);
  origin = system.gatewayUrl.replace(/\/graphql$/, '');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // this machine's network is closed: no background connections, no sandbox as root
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 300_000);

// what every page showed when the test ended (when one fails, its last screen)
afterEach(async () => {
  for (const [i, page] of pages.entries()) {
    await page.screenshot({ path: join(ARTIFACTS, `last-${i}.png`), fullPage: true }).catch(() => undefined);
  }
});

afterAll(async () => {
  await browser?.close();
  await system?.close();
});

/** A signed-in page of its own (own local storage), English first. */
async function signIn(userId: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 }, timezoneId: 'Asia/Shanghai' });
  await context.addInitScript({ content: "if (!localStorage.getItem('pc.lang')) localStorage.setItem('pc.lang', 'en');" });
  const page = await context.newPage();
  pages.push(page);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.click(`[data-testid="sign-in-${userId}"]`);
  await page.waitForSelector('[data-testid="whoami"]');
  expect(await page.textContent('[data-testid="whoami"]')).toContain(userId);
  expect(errors).toEqual([]);
  return page;
}

/** A screenshot of the page in English and in Chinese (the language switch re-renders in place). */
async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.en.png`), fullPage: true });
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.zh.png`), fullPage: true });
  await page.click('[data-testid="lang"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
}

/** Waits until the work order page shows the status. */
const statusIs = (page: Page, status: string) =>
  page
    .waitForFunction((want) => document.querySelector('[data-testid="wo-status"]')?.textContent === want, status)
    .catch(async (e: Error) => {
      // say what the page showed instead (the status, a form's errors, a message or alert), not only "timeout"
      const shown = await page
        .evaluate(() =>
          ['[data-testid="wo-status"]', '.ant-form-item-explain-error', '.ant-message-notice', '.ant-alert', '.ant-notification-notice']
            .flatMap((q) => Array.from(document.querySelectorAll(q)).map((n) => `${q}: ${n.textContent}`))
            .join(' | '),
        )
        .catch(() => 'the page could not be read');
      throw new Error(`${e.message}\nwanted status "${status}"; the page showed: ${shown}`);
    });

/** Picks an option of an antd Select by its label (the selects search their labels). */
async function choose(page: Page, scope: string, field: string, label: string): Promise<void> {
  await page.click(`${scope} [data-field="${field}"] .ant-select-selector`);
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
}

async function typeDate(page: Page, scope: string, field: string, at: Date): Promise<void> {
  const local = new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19); // Asia/Shanghai
  await page.click(`${scope} [data-field="${field}"] input`);
  await page.keyboard.type(local);
  await page.keyboard.press('Enter');
}

const textOf = async (page: Page, selector: string) => (await page.textContent(selector)) ?? '';
/** Waits for a selector, reloading the page every few seconds (for what arrives by event, elsewhere). */
async function appears(
  page: Page,
  selector: string,
  what: string,
  holds: (text: string) => boolean = () => true,
  timeoutMs = 30_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await page.waitForSelector(selector, { timeout: 4000 });
      if (holds(await textOf(page, selector))) return;
      throw new Error('not yet');
    } catch {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what} (${selector})`);
      await page.reload();
    }
  }
}

describe('the console (issue 16)', () => {
  it('is served on the gateway origin: the app at /, its assets, the sandbox, /graphql sending a browser to the sandbox, CORS only for configured origins', async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${origin}${asset}`);
    expect(js.status).toBe(200);
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${origin}/assets/..%2Fsandbox.html`)).status).toBe(404);
    expect((await fetch(`${origin}/sandbox`)).status).toBe(200);

    const browserOpen = await fetch(system.gatewayUrl, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(browserOpen.status).toBe(302);
    expect(browserOpen.headers.get('location')).toBe('/sandbox');

    const preflight = (o: string) =>
      fetch(system.gatewayUrl, {
        method: 'OPTIONS',
        headers: { origin: o, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      });
    const allowed = await preflight(ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    expect((await preflight('https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();

    const config = (await (await fetch(`${origin}/console/config`)).json()) as { demoUsers: { id: string }[]; sandbox: boolean };
    expect(config.demoUsers.map((u) => u.id)).toContain('demo-front-desk');
    expect(config.sandbox).toBe(true);
    const unknown = await fetch(`${origin}/console/demo-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'somebody-else' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('a complaint from the front desk to the engineering queue, plan, assignment, progress, resolution, a DISSATISFIED callback, and back reopened', async () => {
    // --- front desk: find the customer, file, see the routing and the deadlines at once
    const desk = await signIn('demo-front-desk');
    expect(await textOf(desk, '.ant-menu')).toContain('Front desk');
    expect(await textOf(desk, '.ant-menu')).not.toContain('Department queue');
    await desk.fill('[data-testid="find-phone"]', '13800000001');
    await desk.click('[data-testid="find"]');
    await desk.waitForSelector('[data-testid="customer"]');
    expect(await textOf(desk, '[data-testid="customer"]')).toContain('李伟');
    const form = '[data-testid="file-complaint"]';
    await choose(desk, form, 'category', 'Equipment');
    await desk.fill(`${form} [data-field="description"] textarea`, 'The corridor light on floor 3 flickers all night.');
    // issue 29: a photo by drag-and-drop's file input (the camera button opens the phone's camera); a renamed
    // executable is refused with the server's reason, the photo uploads and is filed with the complaint
    const drop = '[data-testid="photo-upload"] .ant-upload-drag input[type="file"]';
    expect(await desk.locator('[data-testid="photo-upload"] input[capture="environment"]').count()).toBe(1);
    await desk.setInputFiles(drop, {
      name: 'virus.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('\x7fELF\x02\x01\x01 not a photo at all'),
    });
    await desk.waitForSelector('[data-testid="upload-error"]');
    expect(await textOf(desk, '[data-testid="upload-error"]')).toContain('only JPEG, PNG, WebP or HEIC images and PDF');
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 240, g: 200, b: 40 } } })
      .jpeg()
      .toBuffer();
    await desk.setInputFiles(drop, { name: 'corridor.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await desk.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="photo-upload"] .ant-upload-list-item')).some(
        (e) => e.textContent?.includes('corridor.jpg') && !e.className.includes('error') && !e.className.includes('uploading'),
      ),
    );
    await shot(desk, '1-front-desk');
    await desk.click(`${form} button[type="submit"]`);
    await desk.waitForSelector('[data-testid="filed"]');
    expect(await textOf(desk, '[data-testid="routing"]')).toBe('Engineering');
    expect(await textOf(desk, '[data-testid="filed"]')).toContain('Minor');
    expect(await desk.getAttribute('[data-testid="filed"] [data-clock="PLAN"]', 'data-colour')).toBe('green');
    // the thumbnail, through its signed link
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="filed"] [data-testid="photos"] img');
      return !!img && img.complete && img.naturalWidth === 320;
    });
    await shot(desk, '2-filed');
    const complaintId = (
      await system.sql<{ id: string }>('intake', `select id from complaint where description like 'The corridor light%'`)
    )[0].id;

    // --- engineering head: the queue with its countdowns; plan, sign-off, assignment
    const head = await signIn('demo-department-head');
    const row = `tr[data-complaint="${complaintId}"]`;
    await appears(head, row, 'the work order in the queue');
    expect(await head.getAttribute(`${row} [data-clock="PLAN"]`, 'data-colour')).toBe('green');
    expect(await textOf(head, `${row} [data-clock="PLAN"]`)).toMatch(/Plan · left (59|60)m/);
    expect(await textOf(head, `${row} [data-clock="FEEDBACK"]`)).toContain('Feedback · left 23h');
    await shot(head, '3-queue');
    await head.click(`${row} [data-testid="open-work-order"]`);
    await head.waitForSelector('[data-testid="wo-status"]');
    expect(await textOf(head, '[data-testid="wo-status"]')).toBe('Received');
    await head.click('[data-testid="action-plan"]');
    await head.fill('[data-testid="form-plan"] [data-field="plan"] textarea', 'Replace the ballast of the corridor light today.');
    await head.click('[data-testid="form-plan"] button[type="submit"]');
    await head.waitForSelector('[data-kind="plan"]');
    await head.click('[data-testid="action-signOff"]');
    await head.click('[data-testid="form-signOff"] button[type="submit"]');
    await statusIs(head, 'Planned');
    expect(await head.getAttribute('[data-clock="PLAN"]', 'data-colour')).toBe('met');
    await head.click('[data-testid="action-assign"]');
    await choose(head, '[data-testid="form-assign"]', 'handlerId', 'demo-department-staff');
    await head.click('[data-testid="form-assign"] button[type="submit"]');
    await statusIs(head, 'Assigned');
    expect(await textOf(head, '[data-testid="timeline"]')).toContain('Replace the ballast');
    await shot(head, '4-work-order-assigned');

    // --- the engineer: a resolution without telling the customer is refused at the field; progress, then resolved
    const engineer = await signIn('demo-department-staff');
    const workOrderId = (
      await system.sql<{ id: string }>('dispatch', `select id from work_order where complaint_id = $1`, [complaintId])
    )[0].id;
    await engineer.goto(`${origin}/#/work-orders/${workOrderId}`);
    await engineer.waitForSelector('[data-testid="wo-status"]');
    // the engineer sees the customer's photo on the work order
    await engineer.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="photos"] img');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    const resolveForm = '[data-testid="form-resolve"]';
    await engineer.click('[data-testid="action-resolve"]');
    await engineer.fill(`${resolveForm} [data-field="resolution"] textarea`, 'Ballast replaced; the light is steady.');
    await choose(engineer, resolveForm, 'cause', 'Equipment failure');
    await engineer.fill(`${resolveForm} [data-field="causeAnalysis"] textarea`, 'The ballast had aged.');
    await engineer.fill(`${resolveForm} [data-field="preventiveAction"] textarea`, 'Check ballasts every quarter.');
    await engineer.click(`${resolveForm} button[type="submit"]`);
    // the server's BAD_USER_INPUT on customerInformed, shown at the "Customer told at" field
    const fieldError = `${resolveForm} [data-field="customerInformed.at"] .ant-form-item-explain-error`;
    await engineer.waitForSelector(fieldError);
    expect(await textOf(engineer, fieldError)).toContain('no contact with the customer is recorded');
    expect(await engineer.$(`${resolveForm} [role="alert"]`)).toBeNull(); // at the field, not above the form
    await shot(engineer, '5-field-error');

    await engineer.click('[data-testid="action-progress"]');
    const progress = '[data-testid="form-progress"]';
    await engineer.fill(`${progress} [data-field="note"] textarea`, 'On site, the ballast is being replaced.');
    await typeDate(engineer, progress, 'customerInformed.at', new Date(Date.now() - 60_000));
    await choose(engineer, progress, 'customerInformed.via', 'Phone');
    // a photo of the work with the note (issue 29): in the timeline as a thumbnail
    const ballast = await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 90, b: 160 } } })
      .png()
      .toBuffer();
    await engineer.setInputFiles(`${progress} .ant-upload-drag input[type="file"]`, {
      name: 'ballast.png',
      mimeType: 'image/png',
      buffer: ballast,
    });
    await engineer.waitForFunction(() =>
      Array.from(document.querySelectorAll('[data-testid="form-progress"] .ant-upload-list-item')).some(
        (e) => e.textContent?.includes('ballast.png') && !e.className.includes('error') && !e.className.includes('uploading'),
      ),
    );
    await engineer.click(`${progress} button[type="submit"]`);
    await engineer.waitForSelector('[data-kind="contact"]');
    await engineer.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-kind="contact"] [data-testid="photos"] img');
      return !!img && img.complete && img.naturalWidth === 320;
    });
    await engineer.click('[data-testid="action-resolve"]');
    await engineer.click(`${resolveForm} button[type="submit"]`);
    await statusIs(engineer, 'Resolved');
    expect(await engineer.getAttribute('[data-clock="FEEDBACK"]', 'data-colour')).toBe('met');
    await shot(engineer, '6-work-order-resolved');

    // --- front desk: the callback on the worklist, recorded DISSATISFIED
    await desk.goto(`${origin}/#/callbacks`);
    const callback = `tr[data-complaint="${complaintId}"]`;
    await appears(desk, callback, 'the callback on the worklist');
    await shot(desk, '7-callbacks');
    await desk.click(`${callback} .ant-table-row-expand-icon`);
    const record = '[data-testid="record-callback"]';
    await desk.fill(`${record} [data-field="reached"] input`, '李伟');
    await choose(desk, record, 'serviceQuality', 'Basically satisfied');
    await choose(desk, record, 'attitude', 'Satisfied');
    await choose(desk, record, 'satisfaction', 'Dissatisfied');
    await desk.fill(`${record} [data-field="shortcomings"] textarea`, 'It flickers again in the evening.');
    await desk.click(`${record} button[type="submit"]`);
    await desk.waitForSelector(callback, { state: 'detached' });

    // --- the work order comes back reopened, with its first round kept
    await head.goto(`${origin}/#/work-orders/${workOrderId}`);
    await appears(head, '[data-testid="wo-status"]', 'the work order reopened', (status) => status === 'Reopened');
    expect(await textOf(head, '[data-testid="timeline"]')).toContain('Ballast replaced');
    expect(await head.$('[data-kind="round"]')).not.toBeNull();
    expect(await head.$('[data-kind="callback"]')).not.toBeNull();
    // who was told of the case (notify, through federation): the dissatisfied result reached the engineering head
    await appears(head, '[data-testid="case-notifications"]', 'who was told of the dissatisfied result', (text) =>
      text.includes('Dissatisfied at callback'),
    );
    await shot(head, '8-work-order-reopened');
    await head.goto(`${origin}/#/queue`);
    await head.waitForSelector(`${row}`);
    expect(await textOf(head, row)).toContain('Reopened');
  }, 240_000);

  it("issue 27: a major complaint reaches the site head's bell live (toast over the stream, no reload), is acknowledged in one click, and the shift is handed over and acknowledged", async () => {
    const head = await signIn('demo-site-head');
    await head.waitForSelector('[data-testid="bell-count"]', { state: 'attached' });
    await head.waitForFunction(() => document.querySelector('[data-testid="bell-count"]')?.textContent !== '');
    const before = Number(await textOf(head, '[data-testid="bell-count"]'));
    // a major complaint filed at the front desk (a serious loss or injury makes it major)
    const desk = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
    const filed = await system.graphql<{ fileComplaint: { id: string; severity: string } }>(
      desk,
      `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id severity } }`,
      {
        i: {
          siteId: 'demo-site-1',
          customerId: 'demo-customer-1',
          channel: 'PHONE',
          category: 'EQUIPMENT',
          description: '3号楼电梯故障，业主被困受伤。',
          circumstances: ['SERIOUS_LOSS_OR_INJURY'],
        },
      },
    );
    expect(filed.data?.fileComplaint.severity).toBe('MAJOR');
    const complaintId = filed.data!.fileComplaint.id;
    // live: the toast and the count come over GET /notifications/stream (through the gateway) without a reload
    await head.waitForFunction(
      (id) => Array.from(document.querySelectorAll('[data-testid="toast"]')).some((e) => e.textContent?.includes(id)),
      complaintId,
      {
        timeout: 30_000,
      },
    );
    await head.waitForFunction((n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent) > n, before);
    await head.click('[data-testid="bell"]');
    const item = `[data-testid="notification"][data-kind="MAJOR_COMPLAINT"]:has-text("${complaintId}")`;
    await head.waitForSelector(item);
    expect(await head.$(`${item} [data-testid="ack"]`)).not.toBeNull();
    // the drawer covers the header: each language's picture with the drawer opened again
    await head.screenshot({ path: join(ARTIFACTS, '12-bell.en.png'), fullPage: true });
    await head.click('.ant-drawer-open .ant-drawer-close');
    await head.waitForSelector('.ant-drawer-open', { state: 'hidden' });
    await head.click('[data-testid="lang"]');
    await head.click('[data-testid="bell"]');
    await head.waitForSelector(item);
    await head.screenshot({ path: join(ARTIFACTS, '12-bell.zh.png'), fullPage: true });
    await head.click('.ant-drawer-open .ant-drawer-close');
    await head.waitForSelector('.ant-drawer-open', { state: 'hidden' });
    await head.click('[data-testid="lang"]');
    await head.click('[data-testid="bell"]');
    await head.waitForSelector(item);
    const unread = Number(await textOf(head, '[data-testid="bell-count"]'));
    await head.click(`${item} [data-testid="ack"]`);
    await head.waitForSelector(`${item}[data-read="yes"]`);
    expect(await head.$(`${item} [data-testid="ack"]`)).toBeNull();
    await head.waitForFunction((n) => Number(document.querySelector('[data-testid="bell-count"]')?.textContent) < n, unread);
    const [row] = await system.sql<{ acknowledged_at: Date | null }>(
      'notify',
      `select acknowledged_at from notification where complaint_id = $1 and recipient_id = 'demo-site-head'`,
      [complaintId],
    );
    expect(row.acknowledged_at).not.toBeNull();

    // the handover page: who is on duty, hand the shift over with a note, then the incoming side acknowledges
    await head.click('.ant-drawer-open .ant-drawer-close');
    await head.waitForSelector('.ant-drawer-open', { state: 'hidden' });
    await head.goto(`${origin}/#/handover`);
    await head.waitForSelector('[data-testid="current-duty"] [data-testid="duty-shift"]');
    await head.fill('[data-testid="hand-over"] textarea', 'Lift 2 at building 3 still under repair; contractor due at 09:00.');
    await head.click('[data-testid="hand-over-submit"]');
    const handover = '[data-testid="handover"]:has-text("Lift 2 at building 3")';
    await head.waitForSelector(`${handover}, .ant-message-error`);
    expect(await head.$('.ant-message-error')).toBeNull();
    await shot(head, '13-handover');
    await head.click(`${handover} [data-testid="ack-handover"]`);
    await head.waitForSelector(`${handover} .ant-tag-green`);
    expect(await textOf(head, handover)).toContain('demo-site-head');
  }, 120_000);

  it('leadership sees the month as charts and tables, and the area manager the major complaints and callbacks', async () => {
    const leader = await signIn('demo-leadership');
    await leader.goto(`${origin}/#/reports`);
    await leader.waitForSelector('[data-testid="report"]');
    await appears(
      leader,
      '[data-testid="stat-complaints"] .ant-statistic-content-value',
      'the report to count the complaint',
      (n) => Number(n) >= 1,
    );
    expect(await leader.$('[data-testid="chart-category"] canvas')).not.toBeNull();
    await shot(leader, '9-report');
    // the sandbox, bundled, with the console's session: a BI user (introspection is theirs) runs a query
    const analyst = await signIn('demo-analyst');
    const schema = analyst.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('__schema'));
    await analyst.goto(`${origin}/sandbox`);
    expect((await schema).status()).toBe(200);
    await analyst.waitForSelector('.graphiql-container');
    await analyst.click('.graphiql-execute-button');
    await analyst.waitForFunction(() => document.querySelector('.result-window')?.textContent?.includes('demo-site-1'));
    await analyst.screenshot({ path: join(ARTIFACTS, '11-sandbox.png') });
    const manager = await signIn('demo-area-manager');
    await manager.goto(`${origin}/#/area`);
    await manager.waitForSelector('text=Major complaints');
    await shot(manager, '10-area-manager');
  }, 120_000);
});

describe('the console for a newcomer (issue 28)', () => {
  beforeAll(async () => {
    // a work order in the engineering queue for the phone's cards
    const desk = system.token(DEMO_USERS.find((u) => u.sub === 'demo-front-desk')!);
    const filed = await system.graphql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-1',
        customerId: 'demo-customer-2',
        channel: 'PHONE',
        category: 'EQUIPMENT',
        description: '5号楼门禁读卡器失灵。',
      },
    });
    expect(filed.errors).toBeUndefined();
  });

  it('a site with nothing this month shows "nothing here", not a pie of equal slices', async () => {
    const leader = await signIn('demo-leadership');
    await leader.goto(`${origin}/#/reports`);
    await leader.waitForSelector('[data-testid="report"]');
    await choose(leader, 'body', 'report-site', 'Riverside Office Tower');
    await leader.waitForSelector('[data-testid="chart-satisfaction-empty"]');
    await leader.waitForSelector('[data-testid="chart-category-empty"]');
    expect(await leader.$('[data-testid="chart-satisfaction"] canvas')).toBeNull();
    expect(await textOf(leader, '[data-testid="chart-satisfaction-empty"]')).toContain('Nothing here');
    await shot(leader, '14-report-empty');
  });

  it.each([
    [390, 844],
    [768, 1024],
  ])('at %i px the pages, the language switch and sign-out are in a drawer, and work', async (width, height) => {
    const head = await signIn('demo-department-head');
    await head.setViewportSize({ width, height });
    await head.waitForSelector('[data-testid="menu"]');
    expect(await head.isVisible('header [data-testid="lang"]')).toBe(false);
    await head.click('[data-testid="menu"]');
    const drawer = '.ant-drawer-open';
    await head.waitForSelector(`${drawer} [data-testid="whoami"]`);
    await head.screenshot({ path: join(ARTIFACTS, `15-menu-${width}.en.png`) });
    await head.click(`${drawer} .ant-menu-item:has-text("Callbacks")`);
    await head.waitForFunction(() => location.hash === '#/callbacks');
    await head.waitForSelector(drawer, { state: 'hidden' });
    await head.click('[data-testid="menu"]');
    await head.click(`${drawer} [data-testid="lang"]`);
    await head.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await textOf(head, `${drawer} .ant-menu`)).toContain('回访');
    await head.screenshot({ path: join(ARTIFACTS, `15-menu-${width}.zh.png`) });
    // the department queue fits the screen: no sideways scroll (a phone shows each work order as a card)
    await head.click(`${drawer} .ant-menu-item:has-text("部门工单")`);
    await head.waitForFunction(() => location.hash === '#/queue');
    await head.waitForSelector('.ant-drawer-open', { state: 'hidden' });
    // phones and tablets show each work order as a card
    await appears(head, '[data-testid^="wo-"] .ant-card [data-testid="open-work-order"]', 'a work order as a card');
    expect(await head.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await head.waitForTimeout(500); // the drawer's closing animation, for the picture only
    await head.screenshot({ path: join(ARTIFACTS, `16-queue-${width}.zh.png`) });
    // the work-order page with one hand: the case, then its actions (before the timeline), nothing sideways,
    // each action's submit button across the width
    await head.click('[data-testid^="wo-"] [data-testid="open-work-order"]');
    await head.waitForSelector('[data-testid="work-order-narrow"] [data-testid="actions"]');
    const top = (sel: string) => head.$eval(sel, (e) => e.getBoundingClientRect().top);
    expect(await top('[data-testid="actions"]')).toBeLessThan(await top('[data-testid="timeline"]'));
    await head.click('[data-testid="action-plan"]');
    const submit = await head.waitForSelector('[data-testid="form-plan"] button[type="submit"]');
    const box = (await submit.boundingBox())!;
    expect(box.width).toBeGreaterThan(width * 0.6);
    expect(box.height).toBeGreaterThanOrEqual(40);
    expect(await head.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await head.waitForTimeout(400); // the panel's opening animation, for the picture only
    await head.screenshot({ path: join(ARTIFACTS, `17-work-order-${width}.zh.png`) });
    // every other table is a list of cards too: the callbacks, with the form behind a button
    await head.click('[data-testid="menu"]');
    await head.click(`${drawer} .ant-menu-item:has-text("回访")`);
    await head.waitForFunction(() => location.hash === '#/callbacks');
    await head.waitForSelector('.ant-drawer-open', { state: 'hidden' });
    expect(await head.$('.ant-table')).toBeNull();
    await head.waitForFunction(() => !document.querySelector('.ant-drawer-panel-motion-right-leave')); // the drawer's closing animation
    expect(await head.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await head.click('[data-testid="menu"]');
    await head.click(`${drawer} [data-testid="sign-out"]`);
    await head.waitForSelector('[data-testid="sign-in-demo-department-head"]');
  });
});

describe('customer files in the console (issue 30)', () => {
  it("a key customer's case is flagged in the queue; the file opens from the case and from a search, and a rep tags the customer", async () => {
    const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
    const tagged = await system.graphql(
      token('demo-quality'),
      `mutation($i: TagKeyCustomerInput!) { tagKeyCustomer(input: $i) { reason } }`,
      {
        i: { customerId: 'demo-customer-3', reason: 'IMPORTANT_OWNER', note: 'Leases three floors.' },
      },
    );
    expect(tagged.errors).toBeUndefined();
    const filed = await system.graphql(
      token('demo-front-desk'),
      `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id keyCustomer } }`,
      {
        i: {
          siteId: 'demo-site-2',
          customerId: 'demo-customer-3',
          channel: 'EMAIL',
          category: 'EQUIPMENT',
          description: 'Air conditioning off on floor 12.',
        },
      },
    );
    expect(filed.data?.fileComplaint.keyCustomer).toBe(true);
    const head = await signIn('demo-department-head');
    await head.goto(`${origin}/#/queue`);
    const row = `[data-complaint="${filed.data!.fileComplaint.id}"]`;
    await appears(head, `${row} [data-testid="key-customer-flag"]`, 'the key-customer flag on the queue row');
    await head.click(`${row} [data-testid="open-work-order"]`);
    await head.click('[data-testid="open-customer-file"]');
    await head.waitForSelector('[data-testid="customer-file"]');
    expect(await textOf(head, '[data-testid="customer-file"]')).toContain('Chen Jie');
    expect(await textOf(head, '[data-testid="key-customer-reason"]')).toContain('Important owner');
    await head.waitForSelector(`[data-testid="file-complaint-${filed.data!.fileComplaint.id}"]`);
    // a complaint rep finds the customer by part of the unit's name and tags a second reason
    const rep = await signIn('demo-complaint-rep');
    await rep.goto(`${origin}/#/customers`);
    await rep.fill('.ant-input-search input', 'suite 1201');
    await rep.keyboard.press('Enter');
    await rep.click('[data-testid="customer-demo-customer-3"] [data-testid="open-customer-file"]');
    await rep.waitForSelector('[data-testid="customer-file"]');
    await choose(rep, '[data-testid="tag-key-customer"]', 'reason', 'Long unpaid');
    await rep.click('[data-testid="tag-key-customer"] button[type="submit"]');
    await rep.waitForFunction(() => document.querySelectorAll('[data-testid="key-customer-reason"]').length === 2);
    await shot(rep, '18-customer-file');
  }, 120_000);
});

describe('the relationship page (issue 30)', () => {
  it('a site head publishes a notice to an area, and sees the committee, visits and plans of the site', async () => {
    const head = await signIn('demo-site-head');
    await head.goto(`${origin}/#/relationship`);
    await head.click('.ant-tabs-tab:has-text("Notices")');
    const form = '[data-testid="publish-notice"]';
    await choose(head, form, 'kind', 'Outage');
    await head.fill(`${form} [data-field="title"] input`, 'Water off on Friday');
    await head.fill(`${form} [data-field="body"] textarea`, 'Area A, 9:00 to 12:00, for the pump.');
    await choose(head, form, 'audience.areaIds', 'A区');
    await head.click(`${form} button[type="submit"]`);
    await head.waitForFunction(() => document.querySelector('.ant-tabs-tabpane-active')?.textContent?.includes('Water off on Friday'));
    // this month's visits planned, and one recorded with the customer's view
    await head.click('.ant-tabs-tab:has-text("Visits")');
    await head.click('[data-testid="plan-visits"]');
    await head.waitForFunction(() => document.querySelector('.ant-tabs-tabpane-active')?.textContent?.includes('Planned'));
    await head.click('[data-testid="record-visit"] [data-field="visitId"] .ant-select-selector');
    await head.keyboard.press('Enter');
    await head.fill('[data-testid="record-visit"] [data-field="view"] textarea', 'Happy with the new lift; asks for more bicycle racks.');
    await head.click('[data-testid="record-visit"] button[type="submit"]');
    await head.waitForFunction(() => document.querySelector('.ant-tabs-tabpane-active')?.textContent?.includes('bicycle racks'));
    await head.click('.ant-tabs-tab:has-text("Owners\' committee")');
    await appears(head, '[data-testid="record-meeting"]', "the committee's meeting form");
    await shot(head, '21-relationship');
  }, 120_000);
});

describe('survey campaigns (issue 31)', () => {
  it('the quality department writes a questionnaire, opens a campaign, records an answer with its follow-up, and reads the results as charts', async () => {
    const quality = await signIn('demo-quality');
    await quality.goto(`${origin}/#/surveys`);
    const q = '[data-testid="save-questionnaire"]';
    await quality.fill(`${q} [data-field="name"] input`, 'Monthly visit');
    await quality.fill(`${q} [data-field="lines"] textarea`, 'Cleaning of the stairs\nNight security');
    await quality.click(`${q} [data-field="freeText"] input`);
    await quality.click(`${q} button[type="submit"]`);
    const launch = '[data-testid="launch-campaign"]';
    await quality.waitForSelector('.ant-message-notice'); // saved: the questionnaire is among the choices
    await choose(quality, launch, 'questionnaireId', 'Monthly visit v1');
    await quality.click(`${launch} button[type="submit"]`);
    await quality.waitForSelector('[data-testid^="rate-"]');
    expect(await textOf(quality, '[data-testid^="rate-"]')).toBe('0%');
    // an answer recorded by staff: the stairs dissatisfied (its follow-up plan), security very satisfied, a view in words
    await quality.click('.ant-tabs-tab:has-text("Record answers")');
    const a = '[data-testid="record-answers"]';
    await quality.click(`${a} [data-field="customerId"] .ant-select-selector`);
    await quality.keyboard.press('Enter');
    await choose(quality, a, 'q0', 'Dissatisfied');
    await choose(quality, a, 'q1', 'Very satisfied');
    await quality.fill(`${a} [data-field="q2"] textarea`, 'More lights in the car park.');
    await quality.fill(`${a} [data-field="plan"] textarea`, 'Clean the stairs daily for a month.');
    await typeDate(quality, a, 'dueAt', new Date(Date.now() + 7 * 86_400_000));
    await quality.click(`${a} button[type="submit"]`);
    await quality.waitForSelector('.ant-message-notice');
    const surveyId = await eventually(
      async () => {
        const r = await system.graphql(
          system.token(DEMO_USERS.find((u) => u.sub === 'demo-quality')!),
          `{ surveys(siteId: "demo-site-1") { id responses } }`,
        );
        const s = r.data?.surveys.find((x: { responses: number }) => x.responses === 1);
        if (!s) return null;
        const res = await system.graphql(
          system.token(DEMO_USERS.find((u) => u.sub === 'demo-quality')!),
          `query($s: ID!) { surveyResults(surveyId: $s) { responses } }`,
          { s: s.id },
        );
        return res.data?.surveyResults.responses === 1 ? (s.id as string) : null;
      },
      30_000,
      'analytics to hold the answer',
    );
    expect(surveyId).toBeTruthy();
    await quality.click('.ant-tabs-tab:has-text("Campaigns")');
    await quality.click('[data-testid^="campaign-"] a');
    await quality.waitForSelector('[data-testid="survey-results"]');
    await quality.waitForFunction(() => document.querySelector('[data-testid="results-share"]')?.textContent === '0.5');
    await quality.waitForSelector('[data-testid="chart-per-question"] canvas');
    await quality.waitForSelector('[data-testid="chart-trend"] canvas');
    expect(await textOf(quality, '[data-testid="dissatisfied-item"]')).toContain('Clean the stairs daily for a month.');
    expect(await textOf(quality, '[data-testid="survey-results"]')).toContain('More lights in the car park.');
    await shot(quality, '22-surveys');
  }, 120_000);
});

describe('the resident page (issue 30)', () => {
  it('opens from a link on a phone over slow 4G, confirms, rates DISSATISFIED and the case reopens; a forged link reads as an expired one', async () => {
    const token = (sub: string) => system.token(DEMO_USERS.find((u) => u.sub === sub)!);
    const gql = system.graphql.bind(system);
    const desk = token('demo-front-desk');
    const filed = await gql(desk, `mutation($i: FileComplaintInput!) { fileComplaint(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-2',
        customerId: 'demo-customer-3',
        channel: 'PHONE',
        category: 'BUILDING',
        description: 'Water on the floor of suite 1201.',
      },
    });
    const complaintId = filed.data!.fileComplaint.id as string;
    const woId = await eventually(
      async () =>
        (await gql(desk, `query($id: ID!) { complaint(id: $id) { workOrders { id } } }`, { id: complaintId })).data?.complaint.workOrders[0]
          ?.id,
      30_000,
      'the case to move on',
    );
    await handleToResolution({ gql, staff: token('demo-department-staff'), head: token('demo-department-head') }, woId);
    await eventually(
      async () =>
        (await gql(desk, `query($id: ID!) { complaint(id: $id) { status callbacks { status } } }`, { id: complaintId })).data?.complaint
          .callbacks[0],
      30_000,
      'the case to move on',
    );
    // a notice to the customer's unit shows on their page
    const notice = await gql(desk, `mutation($i: PublishNoticeInput!) { publishNotice(input: $i) { id } }`, {
      i: {
        siteId: 'demo-site-2',
        audience: { unitIds: ['demo-site-2-unit-1201'] },
        kind: 'WORKS',
        title: '12层管道检修',
        body: '周三9:00–11:00，12层卫生间暂停用水。',
      },
    });
    expect(notice.errors).toBeUndefined();
    const link = (await gql(desk, `query($c: ID!) { residentLink(complaintId: $c) }`, { c: complaintId })).data!.residentLink as string;
    const path = link.slice(link.indexOf('/r/'));

    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      timezoneId: 'Asia/Shanghai',
    });
    const phone = await context.newPage();
    pages.push(phone);
    // Chrome DevTools' "Slow 4G": 150 ms RTT × 3.75, 1.6 Mbit/s down and 750 kbit/s up × 0.9
    const cdp = await context.newCDPSession(phone);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 562.5,
      downloadThroughput: (1.6 * 1_000_000 * 0.9) / 8,
      uploadThroughput: (750 * 1000 * 0.9) / 8,
    });
    // every byte the page's first load takes: the page (its script, stylesheet and case inline) and anything it asks for after
    let pageBytes = 0;
    let requests = 0;
    phone.on('response', (r) => {
      requests += 1;
      void r
        .request()
        .sizes()
        .then((s) => (pageBytes += s.responseBodySize + s.responseHeadersSize));
    });
    const started = Date.now();
    await phone.goto(`${origin}${path}`);
    await phone.waitForSelector('[data-testid="status"]');
    const interactiveMs = Date.now() - started;
    const firstLoad = { requests, pageBytes };
    process.stdout.write(
      `resident page over slow 4G: interactive (case shown) after ${interactiveMs} ms; ${firstLoad.requests} request(s), ${firstLoad.pageBytes} bytes on the wire\n`,
    );
    writeFileSync(join(ARTIFACTS, 'resident-load.json'), JSON.stringify({ interactiveMs, ...firstLoad }));
    // the case came with the page: no GraphQL round trip before it shows
    expect(firstLoad.requests).toBe(1);
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    expect(await textOf(phone, '[data-testid="status"]')).toBe('已解决');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await textOf(phone, '[data-testid="notices"]')).toContain('12层管道检修');
    await phone.screenshot({ path: join(ARTIFACTS, '19-resident.zh.png'), fullPage: true });
    await phone.click('[data-testid="lang"]');
    expect(await textOf(phone, '[data-testid="status"]')).toBe('Resolved');
    await phone.screenshot({ path: join(ARTIFACTS, '19-resident.en.png'), fullPage: true });
    await phone.click('[data-testid="lang"]');
    await phone.click('[data-testid="confirm"]');
    await phone.waitForSelector('[data-testid="confirmed"]');
    await phone.click('[data-testid="level-DISSATISFIED"]');
    await phone.fill('[data-testid="comment"]', '天花板还在滴水。');
    await phone.click('[data-testid="send"]');
    await phone.waitForSelector('[data-testid="rated"]');
    await phone.screenshot({ path: join(ARTIFACTS, '20-resident-rated.zh.png'), fullPage: true });
    const head = token('demo-department-head');
    await eventually(
      async () =>
        (await gql(head, `query($id: ID!) { workOrder(id: $id) { status } }`, { id: woId })).data?.workOrder.status === 'REOPENED' ||
        undefined,
      30_000,
      'the case to move on',
    );
    // a forged link and a revoked one read the same
    await phone.goto(`${origin}/r/${'x'.repeat(22)}.${'y'.repeat(43)}`);
    await phone.waitForSelector('[data-testid="error"]');
    const forged = await textOf(phone, '[data-testid="error"]');
    await gql(desk, `mutation($c: ID!) { revokeResidentLinks(complaintId: $c) }`, { c: complaintId });
    await phone.goto(`${origin}${path}`);
    await phone.waitForSelector('[data-testid="error"]');
    expect(await textOf(phone, '[data-testid="error"]')).toBe(forged);
    expect(forged).toContain('链接无效');
    await context.close();
  }, 120_000);
});
