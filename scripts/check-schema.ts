/**
 * Compares schema.graphql with the schema of a past release and fails when a change would
 * break clients of that release (a field removed, a type changed, an argument made required).
 *
 *   npm run schema:check                     against the newest schema/releases/<version>
 *   npm run schema:check -- --release 0.1.0  against that release
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

export const RELEASES_DIR = path.resolve(process.cwd(), 'schema', 'releases');
const CURRENT_FILE = path.resolve(process.cwd(), 'schema.graphql');
const VERSION_FILE = /^(\d+)\.(\d+)\.(\d+)\.graphql$/;

export interface SchemaComparison {
  breaking: Change[];
  dangerous: Change[];
  safe: Change[];
}

/** Sorts the changes from the released SDL to the current SDL by how much they can break. */
export async function compareSchemas(releasedSdl: string, currentSdl: string) {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const of = (level: CriticalityLevel) => changes.filter((c) => c.criticality.level === level);
  const comparison: SchemaComparison = {
    breaking: of(CriticalityLevel.Breaking),
    dangerous: of(CriticalityLevel.Dangerous),
    safe: of(CriticalityLevel.NonBreaking),
  };
  return comparison;
}

/** The newest release by semantic version, from file names like 1.2.3.graphql. */
export async function latestRelease(dir = RELEASES_DIR): Promise<string> {
  const versions = (await readdir(dir))
    .map((name) => VERSION_FILE.exec(name))
    .filter((match) => match !== null)
    .map((match) => [Number(match[1]), Number(match[2]), Number(match[3])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  const newest = versions.at(-1);
  if (!newest) throw new Error(`no <version>.graphql file in ${dir}`);
  return newest.join('.');
}

function describe(change: Change): string {
  return `  ${change.path ?? '(schema)'}: ${change.message}`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { release: { type: 'string' } } });
  const release = values.release ?? (await latestRelease());
  const released = await readFile(path.join(RELEASES_DIR, `${release}.graphql`), 'utf8');
  const current = await readFile(CURRENT_FILE, 'utf8');
  const { breaking, dangerous, safe } = await compareSchemas(released, current);

  const out = process.stdout;
  out.write(`schema.graphql against release ${release}: ${breaking.length} breaking, `);
  out.write(`${dangerous.length} dangerous, ${safe.length} safe change(s)\n`);
  if (dangerous.length > 0) out.write(`Dangerous:\n${dangerous.map(describe).join('\n')}\n`);
  if (breaking.length > 0) {
    out.write(`Breaking:\n${breaking.map(describe).join('\n')}\n`);
    return 1;
  }
  return 0;
}

if (typeof require !== 'undefined' && require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
