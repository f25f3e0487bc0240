import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  PyExpression,
  extractGuide,
  parsePythonLiteral,
  type PyValue,
} from '../../seeds/guide/extract';

const GUIDE = readFileSync(join(__dirname, '../../seeds/guide/ml-certifications-guide.md'), 'utf8');

/** Reads `keys` down nested dicts; a missing step fails the test. */
function dig(value: PyValue | undefined, ...keys: string[]): PyValue {
  let current = value;
  for (const key of keys) {
    if (!(current instanceof Map)) throw new Error(`no dict at '${key}'`);
    current = current.get(key);
  }
  if (current === undefined) throw new Error(`nothing at ${keys.join('.')}`);
  return current;
}

function block(code: string, heading = '## Section X'): string {
  return `${heading}\n\n\`\`\`python\n${code}\n\`\`\`\n`;
}

describe('parsePythonLiteral', () => {
  it('reads nested dicts and lists in order', () => {
    const value = parsePythonLiteral(`{'b': [1, 'x', None, True], 'a': {'c': -2.5}}`);
    expect(value).toEqual(
      new Map<string, unknown>([
        ['b', [1, 'x', null, true]],
        ['a', new Map([['c', -2.5]])],
      ]),
    );
    expect([...(value as Map<string, unknown>).keys()]).toEqual(['b', 'a']);
  });

  it("decodes \\' and other escapes in single-quoted strings", () => {
    expect(parsePythonLiteral(`'Can count towards MIT Master\\'s degree'`)).toBe(
      "Can count towards MIT Master's degree",
    );
    expect(parsePythonLiteral(`"a\\tb\\\\c"`)).toBe('a\tb\\c');
  });

  it('accepts trailing commas, tuples and adjacent strings', () => {
    expect(parsePythonLiteral(`['a' 'b', (1, 2), ('c'),]`)).toEqual(['ab', [1, 2], 'c']);
  });

  it('keeps a call as an expression with its source', () => {
    expect(parsePythonLiteral('sum(costs.values())')).toEqual(
      new PyExpression('sum(costs.values())', 1),
    );
  });

  it('names the line of an unterminated string', () => {
    expect(() => parsePythonLiteral(`{\n  'a': 'b,\n}`, 10)).toThrow(
      /^guide line 11: unterminated string/,
    );
  });

  it('names the line of a missing comma', () => {
    expect(() => parsePythonLiteral(`[\n 'a'\n 'b': 1\n]`, 1)).toThrow(
      "guide line 3: expected ']' but found ':'",
    );
  });

  it('names the line of a bracket that is never closed', () => {
    expect(() => parsePythonLiteral(`{'a': [1, 2}`, 5)).toThrow(
      "guide line 5: unexpected '}', expected ']' (opened on line 5)",
    );
  });

  it('rejects a duplicate dict key', () => {
    expect(() => parsePythonLiteral(`{'a': 1,\n 'a': 2}`)).toThrow(
      "guide line 2: duplicate dict key 'a'",
    );
  });
});

describe('extractGuide', () => {
  it('keys attributes and returns by class and member, with the headings above', () => {
    const guide = extractGuide(
      block(
        [
          'class Shop:',
          '    def __init__(self):',
          "        self.items = {'x': {'courses': ['a', 'b', 'c']}}",
          '',
          '    def plan(self):',
          '        """Make a plan"""',
          "        return {'first': self.items['x']['courses'][:2], 'all': self.items}",
        ].join('\n'),
        '## Part 1\n\n### Shops',
      ),
    );

    const shop = guide.get('Shop');
    expect(shop?.section).toBe('Part 1 > Shops');
    expect(shop?.attributes.get('items')?.line).toBe(8);
    const plan = shop?.methods.get('plan');
    expect(plan?.doc).toBe('Make a plan');
    expect(plan?.returns).toHaveLength(1);
    expect(dig(plan?.returns[0].value, 'first')).toEqual(['a', 'b']);
    expect(dig(plan?.returns[0].value, 'all')).toEqual(shop?.attributes.get('items')?.value);
  });

  it('records each return of a method with the if/elif/else it sits under', () => {
    const guide = extractGuide(
      block(
        [
          'class Pick:',
          '    def pick(self, level):',
          "        if level == 'a':",
          "            return ['one']",
          '        else:',
          "            return ['two']",
          '        return None',
        ].join('\n'),
      ),
    );
    const returns = guide.get('Pick')?.methods.get('pick')?.returns;
    expect(returns?.map((r) => [r.guard, r.value])).toEqual([
      ["if level == 'a'", ['one']],
      ['else', ['two']],
      [null, null],
    ]);
  });

  it('fails on a reference to data the class does not have, naming the line', () => {
    const code = ['class Bad:', '    def f(self):', "        return self.items['x']"].join('\n');
    expect(() => extractGuide(block(code))).toThrow(
      "guide line 6: self.items['x']: self.items is not set",
    );
  });

  it('reads every class of the real guide', () => {
    const guide = extractGuide(GUIDE);
    expect([...guide.keys()]).toEqual([
      'AWSCertifications',
      'GoogleCloudCertifications',
      'AzureCertifications',
      'IBMCertifications',
      'NVIDIACertifications',
      'TensorFlowCertifications',
      'DataCampCertifications',
      'CourseraCertifications',
      'EdXCertifications',
      'CFACertifications',
      'HealthcareCertifications',
      'CertificationStrategy',
      'ExamPreparation',
      'CertificationMaintenance',
      'OngoingLearning',
    ]);
  });

  it("resolves IBM's foundation courses to the first five of its certificate", () => {
    const ibm = extractGuide(GUIDE).get('IBMCertifications');
    const plan = ibm?.methods.get('get_ibm_certification_plan')?.returns[0].value;
    expect(dig(plan, 'foundation_path', 'courses')).toEqual([
      'What is Data Science?',
      'Tools for Data Science',
      'Data Science Methodology',
      'Python for Data Science',
      'Databases and SQL for Data Science',
    ]);
  });

  it('keeps the edX credit with its escaped apostrophe', () => {
    const edx = extractGuide(GUIDE).get('EdXCertifications');
    const programs = edx?.attributes.get('micromasters')?.value;
    expect(dig(programs, 'mit_data_science', 'credit')).toBe(
      "Can count towards MIT Master's degree",
    );
  });
});
