import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { twelveMonths, type Month } from './dates';
import { el, table } from './dom';
import { money, plural } from './format';
import type { Renewals } from './queries';

// Only what these charts use, so the bundle carries no unused controllers.
Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
);

type Exposure = Renewals['renewalExposure'];

export interface MonthBucket extends Month {
  count: number;
  costCents: number;
  unknownCost: number;
  who: string[];
}

export function byMonth(asOf: string, expiring: Exposure['expiring']): MonthBucket[] {
  const months = twelveMonths(asOf).map((m) => ({
    ...m,
    count: 0,
    costCents: 0,
    unknownCost: 0,
    who: [] as string[],
  }));
  const index = new Map(months.map((m) => [m.key, m]));
  for (const item of expiring) {
    const month = index.get(item.expiresOn.slice(0, 7));
    if (!month) continue;
    month.count += 1;
    if (item.renewalCost === null) month.unknownCost += 1;
    else month.costCents += item.renewalCost;
    month.who.push(`${item.holder.name} (${item.certification.name}, ${item.expiresOn})`);
  }
  return months;
}

let chart: Chart | null = null;

function draw(canvas: HTMLCanvasElement, months: readonly MonthBucket[]): void {
  chart?.destroy();
  chart = new Chart(canvas, {
    data: {
      labels: months.map((m) => m.label),
      datasets: [
        {
          type: 'bar',
          label: 'Renewal cost',
          data: months.map((m) => m.costCents / 100),
          backgroundColor: '#4f7cac',
          yAxisID: 'cost',
          order: 2,
        },
        {
          type: 'line',
          label: 'Holders expiring',
          data: months.map((m) => m.count),
          borderColor: '#c0392b',
          backgroundColor: '#c0392b',
          yAxisID: 'count',
          order: 1,
        },
      ],
    },
    options: {
      // Redrawn on every team or date change; movement would only delay reading it.
      animation: false,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        cost: {
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: 'Renewal cost (USD)' },
          ticks: { callback: (value) => money(Number(value) * 100) },
        },
        count: {
          position: 'right',
          beginAtZero: true,
          grid: { drawOnChartArea: false },
          title: { display: true, text: 'Holders expiring' },
          ticks: { precision: 0 },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) =>
              item.dataset.yAxisID === 'cost'
                ? `Renewal cost: ${money(Number(item.raw) * 100)}`
                : `Holders expiring: ${String(item.raw)}`,
          },
        },
      },
    },
  });
}

export function renderRenewals(
  targets: { canvas: HTMLCanvasElement; summary: HTMLElement; table: HTMLElement },
  asOf: string,
  exposure: Exposure,
): void {
  const months = byMonth(asOf, exposure.expiring);
  draw(targets.canvas, months);
  const hidden = exposure.expiringCount - exposure.expiring.length;
  const summary =
    `${plural(exposure.expiringCount, 'credential')} expiring by ${exposure.horizonEnd}; ` +
    `renewing them costs ${money(exposure.totalRenewalCost)}` +
    (exposure.unknownCostCount > 0 ? ` plus ${exposure.unknownCostCount} of unknown cost.` : '.') +
    (hidden > 0 ? ` ${hidden} belong to people you may not see and are not charted.` : '');
  targets.summary.textContent = summary;
  targets.canvas.setAttribute('aria-label', `Renewals by month. ${summary}`);
  targets.table.replaceChildren(
    table(
      months,
      [
        { header: 'Month', cell: (m) => m.label },
        { header: 'Expiring', cell: (m) => String(m.count), numeric: true },
        {
          header: 'Renewal cost',
          cell: (m) =>
            money(m.costCents) + (m.unknownCost > 0 ? ` + ${m.unknownCost} unknown` : ''),
          numeric: true,
        },
        { header: 'Who', cell: (m) => el('span', { class: 'who-list' }, m.who.join('; ')) },
      ],
      { empty: 'No months.', className: 'data renewal-months' },
    ),
  );
}
