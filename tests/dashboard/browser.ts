import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '../..');
const SOURCES = path.join(ROOT, 'dashboard');
const BUILT_INDEX = path.join(ROOT, 'dist/dashboard/index.html');

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) => {
      const file = path.join(dir, entry.name);
      return entry.isDirectory() ? newestSource(file) : statSync(file).mtimeMs;
    }),
  );
}

/** Builds dist/dashboard when it is missing or older than its sources, so the page is current. */
export async function ensureDashboardBuilt(): Promise<void> {
  if (existsSync(BUILT_INDEX) && statSync(BUILT_INDEX).mtimeMs >= newestSource(SOURCES)) return;
  // vite is ESM only; this CommonJS test reaches it with a dynamic import.
  const { build } = await import('vite');
  await build({ configFile: path.join(SOURCES, 'vite.config.mts'), logLevel: 'warn' });
}

export interface Browser {
  context: BrowserContext;
  /** Requests the pages made to anything but the test server: the dashboard must make none. */
  outsideRequests: string[];
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, that may reach 127.0.0.1 and nothing else. */
export async function launchBrowser(): Promise<Browser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'certscope-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const outsideRequests: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    outsideRequests.push(url.href);
    return route.abort();
  });
  return {
    context,
    outsideRequests,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface DashboardPage {
  page: Page;
  /** Console errors and uncaught exceptions, as text. */
  errors: string[];
}

/** A new tab (its own sessionStorage) signed in with `token` before any script runs. */
export async function openDashboard(
  browser: Browser,
  origin: string,
  token: string,
): Promise<DashboardPage> {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  // A script as text: this file is type-checked without the DOM library.
  await page.addInitScript({
    content: `sessionStorage.setItem('certscope.token', ${JSON.stringify(token)});`,
  });
  await page.goto(`${origin}/dashboard`);
  return { page, errors };
}

/** Waits until the dashboard shows `teamId` (on any day) and returns the day it shows. */
export async function waitForTeam(page: Page, teamId: string): Promise<string> {
  await page.waitForSelector(`body[data-loaded^="${teamId}|"]`, { timeout: 15_000 });
  const loaded = (await page.getAttribute('body', 'data-loaded')) ?? '';
  return loaded.slice(loaded.indexOf('|') + 1);
}

/** The little of the DOM the page functions below use; the root tsconfig has no DOM types. */
interface DomElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
  children: ArrayLike<DomElement>;
}

export interface HeatCell {
  teamId: string;
  column: string;
  text: string;
  className: string;
  title: string;
}

export async function heatmapCells(page: Page): Promise<HeatCell[]> {
  return page.$$eval('#heatmap-table td.cell', (cells: DomElement[]) =>
    cells.map((cell) => ({
      teamId: cell.getAttribute('data-team-id') ?? '',
      column: cell.getAttribute('data-column') ?? '',
      text: (cell.textContent ?? '').trim(),
      className: cell.getAttribute('class') ?? '',
      title: cell.getAttribute('title') ?? '',
    })),
  );
}

/** The text of each row of a table, cell by cell. */
export async function tableRows(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tbody tr`, (rows: DomElement[]) =>
    rows.map((row) =>
      Array.from(row.children, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );
}

/** One attribute of every element a selector finds. */
export async function attributes(page: Page, selector: string, name: string): Promise<string[]> {
  return page.$$eval(
    selector,
    (nodes: DomElement[], attribute) => nodes.map((node) => node.getAttribute(attribute) ?? ''),
    name,
  );
}

/** The trimmed text of every element a selector finds. */
export async function texts(page: Page, selector: string): Promise<string[]> {
  return page.$$eval(selector, (nodes: DomElement[]) =>
    nodes.map((node) => (node.textContent ?? '').trim()),
  );
}
