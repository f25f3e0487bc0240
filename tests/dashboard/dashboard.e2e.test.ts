import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalog } from '../../seeds/catalog/seed-catalog';
import { seedOrganization } from '../../seeds/organization/seed-organization';
import { startTestServer, type TestServer } from '../support/server';
import {
  attributes,
  CHROMIUM,
  ensureDashboardBuilt,
  heatmapCells,
  launchBrowser,
  openDashboard,
  tableRows,
  texts,
  waitForTeam,
  type Browser,
} from './browser';

const AS_OF = '2026-12-01';
const SCREENSHOT = path.resolve(__dirname, '../../artifacts/dashboard.png');

const TEAMS = `{ teams { id name children { id name
  children { id name children { id name } } } } }`;
const COVERAGE = `query($team: ID!, $asOf: Date) {
  coverage(teamId: $team, asOf: $asOf) {
    requirements {
      requirement { team { id } certification { slug } skill { name } } coverage required
    }
  }
}`;
const RENEWALS = `query($team: ID!, $asOf: Date, $horizon: Int!) {
  renewalExposure(teamId: $team, asOf: $asOf, horizonDays: $horizon) { expiring { expiresOn } }
}`;

interface Team {
  id: string;
  name: string;
  children?: Team[];
}

/** Depth first, as the picker lists them. */
function flatten(teams: Team[]): Team[] {
  return teams.flatMap((team) => [team, ...flatten(team.children ?? [])]);
}

/** The heatmap's promise, restated: 0 under a quarter of the holders needed ... 4 met. */
function expectedLevel(coverage: number, required: number): number {
  return Math.min(4, Math.floor((coverage / required) * 4));
}

const hasChromium = existsSync(CHROMIUM);
const title = hasChromium
  ? 'the dashboard in headless Chromium'
  : `the dashboard in headless Chromium (skipped: no ${CHROMIUM}; see scripts/install-chromium.sh)`;

describe.skipIf(!hasChromium)(title, () => {
  let server: TestServer;
  let browser: Browser;
  let origin: string;
  let adminToken: string;
  let teams: Team[];

  /** What the heatmap must show for a team, straight from the coverage query. */
  async function expectedCells(teamId: string) {
    const answer = await server.gql(COVERAGE, { team: teamId, asOf: AS_OF });
    expect(answer.errors).toBeUndefined();
    return answer.data.coverage.requirements.map((row: any) => ({
      teamId: row.requirement.team.id as string,
      column: row.requirement.certification
        ? `cert:${row.requirement.certification.slug}`
        : `skill:${row.requirement.skill.name}`,
      text: `${row.coverage}/${row.required}`,
      level: expectedLevel(row.coverage, row.required),
    }));
  }

  async function checkHeatmap(page: Page, team: Team) {
    const cells = await heatmapCells(page);
    const filled = cells.filter((cell) => !cell.className.includes('empty'));
    const expected = await expectedCells(team.id);
    expect(filled).toHaveLength(expected.length);
    for (const want of expected) {
      const cell = filled.find((c) => c.teamId === want.teamId && c.column === want.column);
      expect(cell, `${want.teamId} ${want.column}`).toBeDefined();
      expect(cell?.text).toBe(want.text);
      expect(cell?.className).toContain(`heat-${want.level}`);
      expect(cell?.title).toContain(`${want.text.replace('/', ' of ')} holder`);
    }
    // Rows: the team and every team below it, even those that require nothing.
    expect(await attributes(page, '#heatmap-table tbody tr', 'data-team-id')).toEqual(
      flatten([team]).map((t) => t.id),
    );
    return cells;
  }

  beforeAll(async () => {
    await ensureDashboardBuilt();
    server = await startTestServer({
      today: AS_OF,
      prepare: async (db) => {
        await seedCatalog(db);
        await seedOrganization(db, { employees: 60, asOf: AS_OF });
      },
    });
    origin = new URL(server.url).origin;
    adminToken = await server.tokenFor(server.adminId, 'LND_ADMIN');
    teams = (await server.gql(TEAMS)).data.teams;
    browser = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the first team, then follows a change of team', { timeout: 90_000 }, async () => {
    const { page, errors } = await openDashboard(browser, origin, adminToken);
    const [first, second] = teams;
    expect(await waitForTeam(page, first.id)).toBe(AS_OF);
    expect(await page.inputValue('#as-of')).toBe(AS_OF);

    expect(await attributes(page, '#team option', 'value')).toEqual(
      flatten(teams).map((t) => t.id),
    );

    const firstCells = await checkHeatmap(page, first);
    expect(firstCells.some((cell) => cell.className.includes('empty'))).toBe(true);
    expect(await page.locator('#legend li').count()).toBe(6);

    // The month-by-month table behind the chart agrees with the renewal query.
    const firstMonths = await tableRows(page, '#renewal-table');
    await expectMonths(first.id, firstMonths);
    expect(await page.getAttribute('#renewal-chart', 'aria-label')).toMatch(/Renewals by month/);
    const firstChart = await page.getAttribute('#renewal-chart', 'aria-label');
    expect((await tableRows(page, '#gaps')).length).toBeGreaterThan(0);
    await expect(page.locator('#budget .totals').textContent()).resolves.toMatch(/Expected\$/);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true, timeout: 15_000 });

    await page.selectOption('#team', second.id);
    await waitForTeam(page, second.id);
    const secondCells = await checkHeatmap(page, second);
    expect(secondCells.map((c) => c.teamId)).not.toEqual(firstCells.map((c) => c.teamId));
    const secondMonths = await tableRows(page, '#renewal-table');
    await expectMonths(second.id, secondMonths);
    expect(secondMonths).not.toEqual(firstMonths);
    expect(await page.getAttribute('#renewal-chart', 'aria-label')).not.toBe(firstChart);

    // Another day: the months move with it.
    await page.fill('#as-of', '2027-06-15');
    await page.waitForSelector(`body[data-loaded="${second.id}|2027-06-15"]`, { timeout: 15_000 });
    const juneMonths = await tableRows(page, '#renewal-table');
    expect(juneMonths.map((cells) => cells[0])).toEqual([
      ...['Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'].map((m) => `${m} 2027`),
      ...['Jan', 'Feb', 'Mar', 'Apr', 'May'].map((m) => `${m} 2028`),
    ]);

    expect(errors).toEqual([]);
    expect(browser.outsideRequests).toEqual([]);
    await page.close();
  });

  it('serves the page under a strict policy, and says 404 plainly', async () => {
    const page = await fetch(`${origin}/dashboard`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('/dashboard/assets/');
    const missing = await fetch(`${origin}/dashboard/assets/missing.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toMatch(/not found/i);
  });

  it('shows a manager only the teams they manage', { timeout: 60_000 }, async () => {
    const [row] = await server.db.query(
      `SELECT id, manager_id AS "managerId" FROM team WHERE name = 'Recommendations'`,
    );
    const token = await server.tokenFor(row.managerId, 'MANAGER');
    const visible: Team[] = (await server.gql(TEAMS, {}, { token })).data.teams;
    const { page, errors } = await openDashboard(browser, origin, token);
    await waitForTeam(page, String(row.id));

    const picker = await texts(page, '#team option');
    expect(picker).toEqual(flatten(visible).map((t) => t.name));
    expect(picker).toEqual(['Recommendations', 'Recommendations Core']);
    expect(flatten(teams).length).toBeGreaterThan(picker.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks to sign in again when the service refuses the token', { timeout: 30_000 }, async () => {
    const { page, errors } = await openDashboard(browser, origin, 'not-a-token');
    await page.waitForSelector('#sign-in:not([hidden])', { timeout: 15_000 });
    await expect(page.locator('#error').textContent()).resolves.toMatch(/sign in again/i);
    expect(await page.isHidden('#board')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** Counts per month in the page's table against the renewal query over the same months. */
  async function expectMonths(teamId: string, rows: string[][]) {
    expect(rows).toHaveLength(12);
    const answer = await server.gql(RENEWALS, { team: teamId, asOf: AS_OF, horizon: 364 });
    expect(answer.errors).toBeUndefined();
    const dates: string[] = answer.data.renewalExposure.expiring.map((e: any) => e.expiresOn);
    // December 2026 through November 2027: 364 days from 2026-12-01.
    const monthKeys = Array.from({ length: 12 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 11 + i, 1));
      return d.toISOString().slice(0, 7);
    });
    const counts = monthKeys.map((key) => dates.filter((d) => d.startsWith(key)).length);
    expect(rows.map((cells) => Number(cells[1]))).toEqual(counts);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(dates.length);
  }
});
