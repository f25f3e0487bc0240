/**
 * Writes the GraphQL schema, as the code defines it, to schema.graphql at the repository
 * root, so a change to the API shows up as a change to that file in review.
 *
 *   npm run schema:print
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildCertscopeSchema } from '../src/schema/build-schema';

/** Where the committed schema lives; npm runs scripts from the package root. */
export const SCHEMA_FILE = path.resolve(process.cwd(), 'schema.graphql');

/**
 * The schema's SDL, types sorted by name so that moving a resolver between files does not
 * reorder the file, with a trailing newline.
 */
export async function printCertscopeSchema(): Promise<string> {
  const schema = await buildCertscopeSchema();
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

async function main(): Promise<void> {
  await writeFile(SCHEMA_FILE, await printCertscopeSchema());
  process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
}

if (typeof require !== 'undefined' && require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
