import { readFile } from 'node:fs/promises';
import os from 'node:os';
import type { SeedTimings } from '../seed-scale';
import type { Load, Sample } from './measure';
import type { Operation } from './normalise';
import type { Targets } from './queries';
import { SYSTEMS } from './servers';

interface Report {
  size: string;
  seeded: SeedTimings;
  load: Load;
  rounds: number;
  ops: Operation[];
  results: Map<string, Sample>;
  targets: Targets;
  /** Systems left out of the timing, with why. */
  excluded: Map<string, string>;
}

async function cpuModel(): Promise<string> {
  const info = await readFile('/proc/cpuinfo', 'utf8').catch(() => '');
  return /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? 'unknown';
}

const ratio = (a: number, b: number | undefined) => (b ? `${(a / b).toFixed(2)}x` : '');

/** The benchmark's results as Markdown: the setting, then a row per operation and system. */
export async function report(r: Report): Promise<string> {
  const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const lines = [
    `Run ${date} UTC on ${os.cpus().length} CPUs (\`nproc\`), ${os.arch()} ` +
      `(\`uname -m\`: ${os.machine()}), ${await cpuModel()}; Node ${process.version}.`,
    `Size ${r.size}: ${r.seeded.employees} employees, ${r.seeded.rows} rows; department ` +
      `${r.targets.department}, Q6 over ${r.targets.departments.length} departments. ` +
      `${r.load.connections} connections, ${r.load.seconds} s a run, median of ${r.rounds} ` +
      'interleaved rounds. Client, servers and PostgreSQL share the machine.',
    '',
    '| operation | system | req/s | p50 ms | p99 ms | CPU ms/req | SQL/req | ' +
      'req/s vs floor | p50 vs floor | req/s vs PostGraphile |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const op of r.ops) {
    const floor = r.results.get(`${op.name}|floor`);
    const graphile = r.results.get(`${op.name}|postgraphile`);
    for (const system of SYSTEMS) {
      const s = r.results.get(`${op.name}|${system}`);
      if (!s) continue;
      const vsGraphile = system === 'certscope' ? ratio(s.rps, graphile?.rps) : '';
      lines.push(
        `| ${op.name} | ${system} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(1)} | ` +
          `${s.p99.toFixed(1)} | ${s.cpuMsPerRequest.toFixed(2)} | ` +
          `${s.statementsPerRequest.toFixed(2)} | ${ratio(s.rps, floor?.rps)} | ` +
          `${ratio(s.p50, floor?.p50)} | ${vsGraphile} |`,
      );
    }
  }
  for (const [system, reason] of r.excluded) {
    lines.push('', `${system} was not timed: ${reason}`);
  }
  return lines.join('\n');
}
