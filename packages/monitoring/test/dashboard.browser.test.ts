// The dashboard in headless Chromium (Debian's chromium, driven by playwright-core) against real services.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Command, Controller, Get, StaticRegistry } from '@vitamin/core';
import { startMonitor, type Monitor } from '@vitamin/monitoring';
import {
  callChecks,
  CHECK_KEY,
  quietLogger,
  startService,
  StockController,
  TOKEN,
  type RunningService,
} from './support/services.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const HOSTILE = '<img src=x onerror="window.__pwned=1">';
const ADMIN = 'dashboard-admin';

/** A service whose command key, version and log content are markup an attacker would send. */
@Controller('/evil')
class EvilController {
  @Get('/', { summary: `<script>window.__pwned=2</script>` })
  @Command({ key: HOSTILE, group: '<b>group</b>' })
  async evil(): Promise<{ ok: boolean }> {
    return { ok: true };
  }
}

let stock: RunningService[];
let evil: RunningService;
let monitor: Monitor;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stock = await Promise.all([
    startService('stock', 'stock-1', { version: '3.1.0', zone: 'zone-a' }),
    startService('stock', 'stock-2', { version: '3.2.0', zone: 'zone-b' }),
  ]);
  evil = await startService('evil', 'evil-1', { version: HOSTILE, zone: '<i>zone</i>' }, [
    EvilController,
    StockController,
  ]);
  await callChecks(stock[0]!.url, 40);
  await callChecks(stock[1]!.url, 10, '?fail=yes');
  await fetch(`${evil.url}/evil/`);
  const registry = new StaticRegistry();
  for (const s of [...stock, evil]) await registry.register(s.instance);
  monitor = await startMonitor({
    registry,
    clusters: ['stock', 'evil'],
    token: TOKEN,
    adminToken: ADMIN,
    intervalMs: 200,
    historyIntervalMs: 200,
    logger: quietLogger(),
  });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.setDefaultTimeout(10_000);
});

afterAll(async () => {
  await browser?.close();
  await monitor?.close();
  await Promise.all([...(stock ?? []), evil].map((s) => s?.app.close()));
});

const tile = (key: string) => page.locator(`section[data-cluster="stock"] article[data-command="${key}"]`);

describe('the dashboard', () => {
  it('shows a live tile per command and updates it as requests arrive', async () => {
    await page.goto(`${monitor.url}/`);
    await expect.poll(() => tile(CHECK_KEY).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => tile(CHECK_KEY).getAttribute('data-error-percentage')).toBe('20');
    expect(await tile(CHECK_KEY).locator('.hosts').textContent()).toContain('2 hosts');
    const before = Number(await tile(CHECK_KEY).getAttribute('data-rate'));
    await callChecks(stock[0]!.url, 100);
    await expect
      .poll(async () => Number(await tile(CHECK_KEY).getAttribute('data-rate')), { timeout: 10_000 })
      .toBeGreaterThan(before);
    expect(Number(await tile(CHECK_KEY).getAttribute('data-error-percentage'))).toBeLessThan(20);
    // The sparkline has points, and a thread-pool table lists the group.
    await expect
      .poll(async () => (await tile(CHECK_KEY).locator('polyline').getAttribute('points'))?.split(' ').length ?? 0)
      .toBeGreaterThan(1);
    expect(await page.locator('section[data-cluster="stock"] table.pools').textContent()).toContain('stock');
    const lag = await page.evaluate(() =>
      (globalThis as unknown as { vitaminMonitor: { lag(): number } }).vitaminMonitor.lag(),
    );
    expect(lag).toBeLessThan(5000);
  });

  it('shows markup from instances as text and never runs it', async () => {
    const evilTile = page.locator(`section[data-cluster="evil"] article.tile`).first();
    await expect.poll(() => evilTile.count(), { timeout: 10_000 }).toBe(1);
    expect(await evilTile.locator('.name').textContent()).toBe(HOSTILE);
    await page.click('nav button[data-view="instances"]');
    const row = page.locator('tr[data-instance="evil-1"]');
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    expect(await row.textContent()).toContain(HOSTILE);
    await page.click('nav button[data-view="catalog"]');
    await expect
      .poll(() => page.locator('section[data-cluster="evil"] table.catalog').textContent(), { timeout: 10_000 })
      .toContain('<script>window.__pwned=2</script>');
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('main script, main b, main i').count()).toBe(0);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  it('forces a circuit open on one instance from the admin view, with the admin token', async () => {
    await page.fill('#admin-token', ADMIN);
    await page.click('nav button[data-view="instances"]');
    const row = page.locator('tr[data-instance="stock-2"]');
    await expect.poll(() => row.locator('select[aria-label="command"] option').count(), { timeout: 10_000 }).toBe(1);
    await row.locator('button', { hasText: 'Force open' }).click();
    await expect.poll(() => page.locator('#action-result').textContent()).toContain('forced-open');
    expect(stock[1]!.app.commands.get(CHECK_KEY)!.breaker.state).toMatch(/open/);
    await page.click('nav button[data-view="commands"]');
    await expect.poll(() => tile(CHECK_KEY).getAttribute('data-circuit'), { timeout: 10_000 }).toBe('open');
    expect(await tile(CHECK_KEY).locator('.circuit').textContent()).toBe('Circuit open (1/2)');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: `${ARTIFACTS}dashboard.png`, fullPage: true });
  });
});
