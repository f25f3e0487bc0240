import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PyExpression,
  type ExtractedGuide,
  type GuideClass,
  type PyDict,
  type PyValue,
} from '../guide/extract';

/**
 * Typed reads of extracted guide values. Each takes `where` (e.g. "AWSCertifications.
 * certifications.aws_ml_specialty.cost") so that a guide that changes shape fails with a
 * message saying which value is not what the catalog expects.
 */

const GUIDE_FILE = 'ml-certifications-guide.md';

/** The guide's markdown: beside the sources in seeds/guide, or there from dist/seeds/catalog. */
export function readGuideMarkdown(): string {
  const candidates = [
    join(__dirname, '..', 'guide', GUIDE_FILE),
    join(__dirname, '..', '..', '..', 'seeds', 'guide', GUIDE_FILE),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`The guide ${GUIDE_FILE} is in none of: ${candidates.join(', ')}`);
  return readFileSync(found, 'utf8');
}

function describe(value: PyValue): string {
  if (value instanceof PyExpression) return `the expression ${value.source}`;
  if (value instanceof Map) return 'a dict';
  if (Array.isArray(value)) return 'a list';
  return JSON.stringify(value);
}

function mismatch(where: string, expected: string, value: PyValue): Error {
  return new Error(`${where}: expected ${expected}, found ${describe(value)}`);
}

export function asDict(value: PyValue, where: string): PyDict {
  if (!(value instanceof Map)) throw mismatch(where, 'a dict', value);
  return value;
}

export function asString(value: PyValue, where: string): string {
  if (typeof value !== 'string') throw mismatch(where, 'a string', value);
  return value;
}

export function asStringList(value: PyValue, where: string): string[] {
  if (!Array.isArray(value)) throw mismatch(where, 'a list of strings', value);
  return value.map((item, i) => asString(item, `${where}[${i}]`));
}

/** A string entry of a dict, or null when the dict has no such key. */
export function optionalString(dict: PyDict, key: string, where: string): string | null {
  const value = dict.get(key);
  return value === undefined ? null : asString(value, `${where}.${key}`);
}

export function optionalStringList(dict: PyDict, key: string, where: string): string[] {
  const value = dict.get(key);
  return value === undefined ? [] : asStringList(value, `${where}.${key}`);
}

export function requiredString(dict: PyDict, key: string, where: string): string {
  const value = optionalString(dict, key, where);
  if (value === null) throw new Error(`${where}: has no '${key}'`);
  return value;
}

export function guideClass(guide: ExtractedGuide, name: string): GuideClass {
  const cls = guide.get(name);
  if (!cls) throw new Error(`The guide has no class ${name}`);
  return cls;
}

/** `self.<attribute>` of a guide class. */
export function classAttribute(guide: ExtractedGuide, cls: string, attribute: string): PyValue {
  const found = guideClass(guide, cls).attributes.get(attribute);
  if (!found) throw new Error(`The guide's class ${cls} sets no self.${attribute}`);
  return found.value;
}

/** The literal returned by a guide method; `guard` picks one of several returns. */
export function methodReturn(
  guide: ExtractedGuide,
  cls: string,
  method: string,
  guard: string | null = null,
): PyValue {
  const found = guideClass(guide, cls).methods.get(method);
  const returned = found?.returns.find((r) => r.guard === guard);
  if (!returned) {
    const under = guard === null ? '' : ` under "${guard}"`;
    throw new Error(`The guide's method ${cls}.${method} has no return${under}`);
  }
  return returned.value;
}

/** Runs a parser so that its error also says where in the guide the raw string is. */
export function parseAt<I, T>(parse: (raw: I) => T, raw: I, where: string): T {
  try {
    return parse(raw);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}

/** "foundation_path" → "Foundation path": a readable title for a guide key. */
export function humanizeKey(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
