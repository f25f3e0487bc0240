/**
 * Reads the guide's Python code blocks and extracts the literal data in them: every
 * `self.<attr> = <literal>` of each class and every `return <literal>` of each method.
 *
 * A small tokenizer and recursive-descent parser cover the literal subset the guide uses:
 * dicts, lists, tuples, quoted strings (with backslash escapes), numbers, True/False/None,
 * and references into the class's own attributes (`self.certifications['x']['courses'][:5]`),
 * which are resolved. Anything else (a call, a local name) is kept as a `PyExpression` with its
 * source text, so the caller sees it instead of a guessed value. Errors name the guide line.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'newline';

export interface Token {
  kind: TokenKind;
  /** The decoded value: a string's contents, a number's digits, an operator's characters. */
  value: string;
  /** 1-based line in the document the code came from. */
  line: number;
  /** 0-based column within that line. */
  column: number;
  /** Offsets into the tokenized code, to recover an expression's source text. */
  start: number;
  end: number;
}

const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=', '**', '//', '->', '+=', '-=']);
const ONE_CHAR_OPS = new Set([...'()[]{}:,.=+-*/%<>@!&|^~;']);
const OPENERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
};

/** Thrown for malformed code; the message starts with the guide line. */
export class GuideSyntaxError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`guide line ${line}: ${detail}`);
    this.name = 'GuideSyntaxError';
  }
}

/**
 * Splits `code` into tokens. `firstLine` is the document line of the code's first line, so
 * that tokens and errors carry document line numbers.
 */
export function tokenize(code: string, firstLine = 1): Token[] {
  const tokens: Token[] = [];
  const open: { char: string; line: number }[] = [];
  let pos = 0;
  let line = firstLine;
  let lineStart = 0;

  const push = (kind: TokenKind, value: string, start: number): void => {
    tokens.push({ kind, value, line, column: start - lineStart, start, end: pos });
  };

  while (pos < code.length) {
    const char = code[pos];
    const start = pos;

    if (char === '\n') {
      pos += 1;
      if (open.length === 0 && tokens.length > 0 && tokens[tokens.length - 1].kind !== 'newline') {
        push('newline', '\n', start);
      }
      line += 1;
      lineStart = pos;
    } else if (char === ' ' || char === '\t' || char === '\r') {
      pos += 1;
    } else if (char === '#') {
      while (pos < code.length && code[pos] !== '\n') pos += 1;
    } else if (char === '\\' && code[pos + 1] === '\n') {
      // An explicit line continuation joins the next line to this statement.
      pos += 2;
      line += 1;
      lineStart = pos;
    } else if (char === "'" || char === '"') {
      const startLine = line;
      const read = readString(code, pos, line);
      pos = read.end;
      line += read.lineBreaks;
      tokens.push({
        kind: 'string',
        value: read.value,
        line: startLine,
        column: start - lineStart,
        start,
        end: pos,
      });
      if (read.lineBreaks > 0) lineStart = code.lastIndexOf('\n', pos - 1) + 1;
    } else if (/[0-9]/.test(char)) {
      const match = /^[0-9][0-9_]*(\.[0-9_]+)?/.exec(code.slice(pos));
      pos += match ? match[0].length : 1;
      push('number', code.slice(start, pos).replace(/_/g, ''), start);
    } else if (/[A-Za-z_]/.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(code.slice(pos));
      pos += match ? match[0].length : 1;
      push('name', code.slice(start, pos), start);
    } else {
      const two = code.slice(pos, pos + 2);
      const op = TWO_CHAR_OPS.has(two) ? two : char;
      if (op === char && !ONE_CHAR_OPS.has(char)) {
        throw new GuideSyntaxError(line, `unexpected character ${JSON.stringify(char)}`);
      }
      pos += op.length;
      trackBracket(open, op, line);
      push('op', op, start);
    }
  }

  if (open.length > 0) {
    const last = open[open.length - 1];
    throw new GuideSyntaxError(last.line, `'${last.char}' is never closed`);
  }
  if (tokens.length > 0 && tokens[tokens.length - 1].kind !== 'newline') {
    const column = pos - lineStart;
    tokens.push({ kind: 'newline', value: '\n', line, column, start: pos, end: pos });
  }
  return tokens;
}

function trackBracket(open: { char: string; line: number }[], op: string, line: number): void {
  if (op in OPENERS) {
    open.push({ char: op, line });
    return;
  }
  if (op !== ')' && op !== ']' && op !== '}') return;
  const last = open.pop();
  if (!last || OPENERS[last.char] !== op) {
    const expected = last ? `'${OPENERS[last.char]}' (opened on line ${last.line})` : 'nothing';
    throw new GuideSyntaxError(line, `unexpected '${op}', expected ${expected}`);
  }
}

/** Reads a quoted string starting at `pos`; returns its decoded value and where it ends. */
function readString(
  code: string,
  pos: number,
  line: number,
): { value: string; end: number; lineBreaks: number } {
  const quote = code[pos];
  const triple = code.startsWith(quote.repeat(3), pos);
  const delimiter = triple ? quote.repeat(3) : quote;
  let index = pos + delimiter.length;
  let value = '';
  let lineBreaks = 0;

  while (index < code.length) {
    if (code.startsWith(delimiter, index)) {
      return { value, end: index + delimiter.length, lineBreaks };
    }
    const char = code[index];
    if (char === '\\') {
      const next = code[index + 1];
      if (next === '\n') {
        lineBreaks += 1;
      } else {
        // Python keeps the backslash of an escape it does not know.
        value += next !== undefined && next in ESCAPES ? ESCAPES[next] : `\\${next ?? ''}`;
      }
      index += 2;
    } else if (char === '\n') {
      if (!triple) break;
      value += char;
      lineBreaks += 1;
      index += 1;
    } else {
      value += char;
      index += 1;
    }
  }
  throw new GuideSyntaxError(line, `unterminated string starting ${code.slice(pos, pos + 30)}`);
}

/** An expression the extractor does not evaluate (a call, a local name), kept as source. */
export class PyExpression {
  constructor(
    readonly source: string,
    readonly line: number,
  ) {}
}

export type PyValue = string | number | boolean | null | PyValue[] | PyDict | PyExpression;
/** A Python dict with string keys, in the guide's order. */
export type PyDict = Map<string, PyValue>;

export interface Located {
  value: PyValue;
  /** The guide line the statement starts on. */
  line: number;
}

export interface GuideReturn extends Located {
  /** The innermost `if`/`elif`/`else` header the return sits under, as written; else null. */
  guard: string | null;
}

export interface GuideMethod {
  name: string;
  line: number;
  doc: string | null;
  returns: GuideReturn[];
}

export interface GuideClass {
  name: string;
  line: number;
  /** The markdown headings above the code block, outermost first, joined by ' > '. */
  section: string;
  attributes: Map<string, Located>;
  methods: Map<string, GuideMethod>;
}

/** Every class of every python code block in the guide, by class name. */
export type ExtractedGuide = Map<string, GuideClass>;

type Key = string | number | { from: number | null; to: number | null };

/** A reference to the class's own data, resolved once the whole class has been read. */
class SelfReference {
  constructor(
    readonly attribute: string,
    readonly keys: Key[],
    readonly line: number,
    readonly source: string,
  ) {}
}

type RawValue =
  | string
  | number
  | boolean
  | null
  | RawValue[]
  | Map<string, RawValue>
  | PyExpression
  | SelfReference;

const CONSTANTS: Record<string, boolean | null> = { True: true, False: false, None: null };
const CLOSERS: Record<string, string> = { '[': ']', '(': ')', '{': '}' };

/** Recursive descent over one statement's tokens. */
class ExpressionParser {
  private pos: number;

  constructor(
    private readonly tokens: Token[],
    start: number,
    private readonly code: string,
  ) {
    this.pos = start;
  }

  /** Parses the expression that ends the statement; a non-literal one becomes a PyExpression. */
  parseStatementValue(): RawValue {
    const first = this.peek();
    const value = this.parseValue();
    if (this.peek().kind === 'newline') return value;
    // An operator after a value (`a + b`) makes an expression we do not evaluate.
    const end = this.tokens.findIndex((t, i) => i >= this.pos && t.kind === 'newline');
    return new PyExpression(this.code.slice(first.start, this.tokens[end - 1].end), first.line);
  }

  private parseValue(): RawValue {
    const token = this.next();
    if (token.kind === 'string') {
      let value = token.value;
      // Adjacent literals concatenate, as in Python.
      while (this.peek().kind === 'string') value += this.next().value;
      return value;
    }
    if (token.kind === 'number') return Number(token.value);
    if (token.kind === 'name') {
      if (token.value in CONSTANTS) return CONSTANTS[token.value];
      return this.parseNameExpression(token);
    }
    if (token.kind === 'op') {
      if (token.value === '-' && this.peek().kind === 'number') return -Number(this.next().value);
      if (token.value === '[') return this.parseItems(']');
      if (token.value === '(') return this.parseParenthesized();
      if (token.value === '{') return this.parseDict();
    }
    throw this.error(token, 'a literal');
  }

  private parseItems(closer: string): RawValue[] {
    const items: RawValue[] = [];
    while (!this.accept(closer)) {
      items.push(this.parseValue());
      if (!this.accept(',')) {
        this.expect(closer);
        break;
      }
    }
    return items;
  }

  private parseParenthesized(): RawValue {
    const items: RawValue[] = [];
    let sawComma = false;
    while (!this.accept(')')) {
      items.push(this.parseValue());
      if (!this.accept(',')) {
        this.expect(')');
        break;
      }
      sawComma = true;
    }
    return items.length === 1 && !sawComma ? items[0] : items;
  }

  private parseDict(): Map<string, RawValue> {
    const dict = new Map<string, RawValue>();
    while (!this.accept('}')) {
      const keyToken = this.next();
      if (keyToken.kind !== 'string') throw this.error(keyToken, 'a quoted dict key');
      if (dict.has(keyToken.value)) {
        throw new GuideSyntaxError(keyToken.line, `duplicate dict key '${keyToken.value}'`);
      }
      this.expect(':');
      dict.set(keyToken.value, this.parseValue());
      if (!this.accept(',')) {
        this.expect('}');
        break;
      }
    }
    return dict;
  }

  /** `name(.attr | [key] | (args))*`: a self reference when it only reads self's data. */
  private parseNameExpression(first: Token): RawValue {
    const path: string[] = [];
    const keys: Key[] = [];
    let literal = first.value === 'self';

    while (this.peek().kind === 'op') {
      const op = this.peek().value;
      if (op === '.') {
        this.next();
        const name = this.next();
        if (name.kind !== 'name') throw this.error(name, 'an attribute name');
        if (keys.length > 0) literal = false;
        path.push(name.value);
      } else if (op === '[') {
        const key = this.parseSubscript();
        if (key === undefined) literal = false;
        else keys.push(key);
      } else if (op === '(') {
        this.skipBracketed();
        literal = false;
      } else {
        break;
      }
    }

    const source = this.code.slice(first.start, this.tokens[this.pos - 1].end);
    if (literal && path.length === 1) {
      return new SelfReference(path[0], keys, first.line, source);
    }
    return new PyExpression(source, first.line);
  }

  /** Reads `[...]`; returns the key for a literal index or slice, undefined otherwise. */
  private parseSubscript(): Key | undefined {
    const open = this.next();
    const inner = this.skipBracketed(open);
    const kinds = inner.map((t) => (t.kind === 'op' ? t.value : t.kind)).join(' ');
    if (kinds === 'string' || kinds === 'number') {
      return inner[0].kind === 'string' ? inner[0].value : Number(inner[0].value);
    }
    const slice = /^(number )?: ?(number)?$/.exec(kinds);
    if (!slice) return undefined;
    const numbers = inner.filter((t) => t.kind === 'number').map((t) => Number(t.value));
    return {
      from: slice[1] ? numbers[0] : null,
      to: slice[2] ? numbers[numbers.length - 1] : null,
    };
  }

  /** Skips a bracketed group (the tokenizer checked the brackets balance); returns its inside. */
  private skipBracketed(open = this.next()): Token[] {
    const closer = CLOSERS[open.value];
    const start = this.pos;
    let depth = 1;
    while (depth > 0) {
      const token = this.next();
      if (token.value === open.value && token.kind === 'op') depth += 1;
      if (token.value === closer && token.kind === 'op') depth -= 1;
    }
    return this.tokens.slice(start, this.pos - 1);
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    const token = this.tokens[this.pos];
    if (token.kind === 'newline') throw this.error(token, 'more of the expression');
    this.pos += 1;
    return token;
  }

  private accept(op: string): boolean {
    const token = this.peek();
    if (token.kind !== 'op' || token.value !== op) return false;
    this.pos += 1;
    return true;
  }

  private expect(op: string): void {
    if (!this.accept(op)) throw this.error(this.peek(), `'${op}'`);
  }

  private error(token: Token, expected: string): GuideSyntaxError {
    const found = token.kind === 'newline' ? 'end of statement' : `'${token.value}'`;
    return new GuideSyntaxError(token.line, `expected ${expected} but found ${found}`);
  }
}

/**
 * Parses one Python literal (the subset above) from `source`; `firstLine` numbers its lines.
 * A trailing operator makes the result a PyExpression; a self reference is an error here.
 */
export function parsePythonLiteral(source: string, firstLine = 1): PyValue {
  const tokens = tokenize(source, firstLine);
  if (tokens.length === 0) throw new GuideSyntaxError(firstLine, 'expected a literal');
  const raw = new ExpressionParser(tokens, 0, source).parseStatementValue();
  if (tokens[tokens.length - 1] !== tokens.find((t) => t.kind === 'newline')) {
    const extra = tokens.find((t) => t.kind === 'newline');
    throw new GuideSyntaxError(extra?.line ?? firstLine, 'more than one statement');
  }
  return resolveReferences(raw, new Map());
}

interface CodeBlock {
  code: string;
  firstLine: number;
  section: string;
}

/** Finds the ```python blocks and the headings (levels 2-4) above each. */
function findPythonBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const headings: string[] = [];
  const blocks: CodeBlock[] = [];
  let index = 0;

  while (index < lines.length) {
    const heading = /^(#{2,4})\s+(.*)$/.exec(lines[index]);
    const fence = /^```\s*(\w*)\s*$/.exec(lines[index]);
    if (heading) {
      headings.length = heading[1].length - 2;
      headings.push(heading[2].trim());
      index += 1;
    } else if (fence) {
      const end = lines.findIndex((l, i) => i > index && /^```\s*$/.test(l));
      if (end < 0) throw new GuideSyntaxError(index + 1, 'code block is never closed');
      if (fence[1] === 'python') {
        const code = lines.slice(index + 1, end).join('\n');
        blocks.push({ code, firstLine: index + 2, section: headings.filter(Boolean).join(' > ') });
      }
      index = end + 1;
    } else {
      index += 1;
    }
  }
  return blocks;
}

/** Splits tokens into logical lines (each ends with its newline token). */
function logicalLines(tokens: Token[]): Token[][] {
  const lines: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    current.push(token);
    if (token.kind === 'newline') {
      lines.push(current);
      current = [];
    }
  }
  return lines;
}

const GUARD_KEYWORDS = new Set(['if', 'elif', 'else', 'for', 'while', 'try', 'except', 'with']);

interface RawLocated {
  value: RawValue;
  line: number;
}

/** A class being read: its statements so far, before references are resolved. */
interface OpenClass {
  name: string;
  line: number;
  indent: number;
  attributes: Map<string, RawLocated>;
  methods: GuideMethod[];
}

/** A method being read; `statements` counts its body so far, to spot the doc string. */
interface OpenMethod {
  name: string;
  line: number;
  indent: number;
  doc: string | null;
  returns: (RawLocated & { guard: string | null })[];
  statements: number;
}

/** Walks one code block's statements, adding its classes to `classes`. */
function extractBlock(block: CodeBlock, classes: ExtractedGuide): void {
  const tokens = tokenize(block.code, block.firstLine);
  let cls: OpenClass | null = null;
  let method: OpenMethod | null = null;
  const guards: { indent: number; text: string }[] = [];

  const finishMethod = (): void => {
    if (!method || !cls) return;
    const attributes = cls.attributes;
    const returns = method.returns.map((r) => ({
      value: resolveReferences(r.value, attributes),
      line: r.line,
      guard: r.guard,
    }));
    cls.methods.push({ name: method.name, line: method.line, doc: method.doc, returns });
    method = null;
  };
  const finishClass = (): void => {
    if (!cls) return;
    finishMethod();
    const { attributes } = cls;
    classes.set(cls.name, {
      name: cls.name,
      line: cls.line,
      section: block.section,
      attributes: new Map(
        [...attributes].map(([name, attr]) => [
          name,
          { value: resolveReferences(attr.value, attributes), line: attr.line },
        ]),
      ),
      methods: new Map(cls.methods.map((m) => [m.name, m])),
    });
    cls = null;
  };
  const parseFrom = (token: Token): RawValue =>
    new ExpressionParser(tokens, tokens.indexOf(token) + 1, block.code).parseStatementValue();

  for (const line of logicalLines(tokens)) {
    const [first, second, third, fourth] = line;
    const indent = first.column;
    while (guards.length > 0 && guards[guards.length - 1].indent >= indent) guards.pop();
    if (method && indent <= method.indent) finishMethod();
    if (cls && indent <= cls.indent) finishClass();
    const source = block.code.slice(first.start, line[line.length - 2]?.end ?? first.end);
    const keyword = first.kind === 'name' ? first.value : null;

    if (keyword === 'class' && second?.kind === 'name') {
      if (classes.has(second.value)) {
        throw new GuideSyntaxError(first.line, `class ${second.value} is defined twice`);
      }
      cls = { name: second.value, line: first.line, indent, attributes: new Map(), methods: [] };
    } else if (cls && keyword === 'def' && second?.kind === 'name') {
      method = {
        name: second.value,
        line: first.line,
        indent,
        doc: null,
        returns: [],
        statements: 0,
      };
    } else if (method && method.statements === 0 && first.kind === 'string' && line.length === 2) {
      method.doc = first.value;
    } else if (keyword !== null && GUARD_KEYWORDS.has(keyword)) {
      guards.push({ indent, text: source.replace(/:\s*$/, '') });
    } else if (
      cls &&
      keyword === 'self' &&
      second?.value === '.' &&
      third?.kind === 'name' &&
      fourth?.kind === 'op' &&
      fourth.value === '='
    ) {
      if (cls.attributes.has(third.value)) {
        throw new GuideSyntaxError(first.line, `self.${third.value} is assigned twice`);
      }
      cls.attributes.set(third.value, { value: parseFrom(fourth), line: first.line });
    } else if (method && keyword === 'return') {
      const value = line.length === 2 ? null : parseFrom(first);
      const guard = guards.length > 0 ? guards[guards.length - 1].text : null;
      method.returns.push({ value, line: first.line, guard });
    }
    if (method && keyword !== 'def') method.statements += 1;
  }
  finishClass();
}

/** Replaces self references by the data they point at; an unknown one is an error. */
function resolveReferences(
  value: RawValue,
  attributes: Map<string, RawLocated>,
  seen: SelfReference[] = [],
): PyValue {
  if (value instanceof SelfReference) {
    if (seen.includes(value)) throw new GuideSyntaxError(value.line, `${value.source} is circular`);
    const attr = attributes.get(value.attribute);
    if (!attr) {
      throw new GuideSyntaxError(value.line, `${value.source}: self.${value.attribute} is not set`);
    }
    let target = resolveReferences(attr.value, attributes, [...seen, value]);
    for (const key of value.keys) target = index(target, key, value);
    return target;
  }
  if (Array.isArray(value)) return value.map((item) => resolveReferences(item, attributes, seen));
  if (value instanceof Map) {
    const dict: PyDict = new Map();
    for (const [key, item] of value) dict.set(key, resolveReferences(item, attributes, seen));
    return dict;
  }
  return value;
}

function index(target: PyValue, key: Key, ref: SelfReference): PyValue {
  if (typeof key === 'object') {
    if (!Array.isArray(target)) throw new GuideSyntaxError(ref.line, `${ref.source}: not a list`);
    return target.slice(key.from ?? 0, key.to ?? target.length);
  }
  const found =
    target instanceof Map && typeof key === 'string'
      ? target.get(key)
      : Array.isArray(target) && typeof key === 'number'
        ? target.at(key)
        : undefined;
  if (found === undefined) {
    throw new GuideSyntaxError(ref.line, `${ref.source}: no item ${JSON.stringify(key)}`);
  }
  return found;
}

/** Extracts every class from the guide's python code blocks. */
export function extractGuide(markdown: string): ExtractedGuide {
  const classes: ExtractedGuide = new Map();
  for (const block of findPythonBlocks(markdown)) extractBlock(block, classes);
  return classes;
}
