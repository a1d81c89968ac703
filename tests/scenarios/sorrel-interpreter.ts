// A small interpreter for Sorrel, the invented language of scenarios/sorrel-language.yaml.
// It implements the rules exactly as the scenario's manual states them, so the derivation test
// can run every task program and compare the output with the answer key.
// Rules that differ from common languages (the traps the scenario sets):
//   - + - * / % share one precedence level and group left to right (2 + 3 * 4 is 20);
//   - / rounds to the nearest whole number, halves away from zero; a % b = a - b * (a / b);
//   - only `no` and `none` are false (0, "" and [] are true);
//   - call and print arguments are evaluated right to left;
//   - variables are found along the chain of CALLERS (dynamic scope);
//   - lists are values: copied on every store, argument and return; indexes start at 1;
//   - `for i from A to B` counts down when A > B, includes both ends, and leaves i at B.

export type Value = number | string | boolean | null | Value[];

type Expr =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'lit'; v: boolean | null }
  | { k: 'list'; items: Expr[] }
  | { k: 'name'; name: string }
  | { k: 'neg'; e: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'bin'; op: string; a: Expr; b: Expr }
  | { k: 'index'; target: Expr; index: Expr }
  | { k: 'call'; name: string; args: Expr[] };

type Stmt =
  | { k: 'let'; name: string; e: Expr; line: number }
  | { k: 'set'; name: string; e: Expr; line: number }
  | { k: 'setIndex'; name: string; index: Expr; e: Expr; line: number }
  | { k: 'print'; args: Expr[]; line: number }
  | { k: 'if'; cond: Expr; then: Stmt[]; else: Stmt[]; line: number }
  | { k: 'while'; cond: Expr; body: Stmt[]; line: number }
  | { k: 'for'; name: string; from: Expr; to: Expr; body: Stmt[]; line: number }
  | { k: 'return'; e: Expr | null; line: number }
  | { k: 'expr'; e: Expr; line: number };

interface Fn {
  params: string[];
  body: Stmt[];
}

class SorrelError extends Error {}

const KEYWORDS = new Set([
  'let', 'print', 'if', 'then', 'else', 'end', 'while', 'do', 'for', 'from', 'to', 'fn', 'return',
  'and', 'or', 'not', 'yes', 'no', 'none',
]);

type Tok = { t: 'num' | 'str' | 'id' | 'op'; v: string };

function tokenize(line: string, lineNo: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break;
    if (/[0-9]/.test(c)) {
      let j = i;
      while (j < line.length && /[0-9]/.test(line[j]!)) j++;
      toks.push({ t: 'num', v: line.slice(i, j) });
      i = j;
      continue;
    }
    if (c === '"') {
      const j = line.indexOf('"', i + 1);
      if (j < 0) throw new SorrelError(`line ${lineNo}: unterminated text`);
      toks.push({ t: 'str', v: line.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i;
      while (j < line.length && /[A-Za-z0-9_]/.test(line[j]!)) j++;
      toks.push({ t: 'id', v: line.slice(i, j) });
      i = j;
      continue;
    }
    const two = line.slice(i, i + 2);
    if (['==', '!=', '<=', '>='].includes(two)) { toks.push({ t: 'op', v: two }); i += 2; continue; }
    if ('+-*/%<>=()[],'.includes(c)) { toks.push({ t: 'op', v: c }); i++; continue; }
    throw new SorrelError(`line ${lineNo}: unexpected character ${c}`);
  }
  return toks;
}

class ExprParser {
  private p = 0;
  constructor(private toks: Tok[], private lineNo: number) {}
  done(): boolean { return this.p >= this.toks.length; }
  peek(): Tok | undefined { return this.toks[this.p]; }
  isOp(v: string): boolean { const t = this.peek(); return !!t && t.t === 'op' && t.v === v; }
  isId(v: string): boolean { const t = this.peek(); return !!t && t.t === 'id' && t.v === v; }
  expectOp(v: string): void {
    if (!this.isOp(v)) throw new SorrelError(`line ${this.lineNo}: expected ${v}`);
    this.p++;
  }
  expectId(v?: string): string {
    const t = this.peek();
    if (!t || t.t !== 'id' || (v !== undefined && t.v !== v)) throw new SorrelError(`line ${this.lineNo}: expected ${v ?? 'a name'}`);
    this.p++;
    return t.v;
  }
  expr(): Expr {
    let a = this.and();
    while (this.isId('or')) { this.p++; a = { k: 'bin', op: 'or', a, b: this.and() }; }
    return a;
  }
  private and(): Expr {
    let a = this.not();
    while (this.isId('and')) { this.p++; a = { k: 'bin', op: 'and', a, b: this.not() }; }
    return a;
  }
  private not(): Expr {
    if (this.isId('not')) { this.p++; return { k: 'not', e: this.not() }; }
    return this.cmp();
  }
  private cmp(): Expr {
    const a = this.arith();
    const t = this.peek();
    if (t && t.t === 'op' && ['==', '!=', '<', '<=', '>', '>='].includes(t.v)) {
      this.p++;
      return { k: 'bin', op: t.v, a, b: this.arith() };
    }
    return a;
  }
  private arith(): Expr {
    let a = this.unary();
    for (;;) {
      const t = this.peek();
      if (t && t.t === 'op' && '+-*/%'.includes(t.v)) {
        this.p++;
        a = { k: 'bin', op: t.v, a, b: this.unary() };
      } else return a;
    }
  }
  private unary(): Expr {
    if (this.isOp('-')) { this.p++; return { k: 'neg', e: this.unary() }; }
    return this.postfix();
  }
  private postfix(): Expr {
    let e = this.primary();
    while (this.isOp('[')) {
      this.p++;
      const index = this.expr();
      this.expectOp(']');
      e = { k: 'index', target: e, index };
    }
    return e;
  }
  private primary(): Expr {
    const t = this.peek();
    if (!t) throw new SorrelError(`line ${this.lineNo}: expression expected`);
    this.p++;
    if (t.t === 'num') return { k: 'num', v: Number(t.v) };
    if (t.t === 'str') return { k: 'str', v: t.v };
    if (t.t === 'op' && t.v === '(') { const e = this.expr(); this.expectOp(')'); return e; }
    if (t.t === 'op' && t.v === '[') {
      const items: Expr[] = [];
      if (!this.isOp(']')) {
        items.push(this.expr());
        while (this.isOp(',')) { this.p++; items.push(this.expr()); }
      }
      this.expectOp(']');
      return { k: 'list', items };
    }
    if (t.t === 'id') {
      if (t.v === 'yes') return { k: 'lit', v: true };
      if (t.v === 'no') return { k: 'lit', v: false };
      if (t.v === 'none') return { k: 'lit', v: null };
      if (KEYWORDS.has(t.v)) throw new SorrelError(`line ${this.lineNo}: unexpected ${t.v}`);
      if (this.isOp('(')) {
        this.p++;
        const args: Expr[] = [];
        if (!this.isOp(')')) {
          args.push(this.expr());
          while (this.isOp(',')) { this.p++; args.push(this.expr()); }
        }
        this.expectOp(')');
        return { k: 'call', name: t.v, args };
      }
      return { k: 'name', name: t.v };
    }
    throw new SorrelError(`line ${this.lineNo}: unexpected ${t.v}`);
  }
}

interface Program { main: Stmt[]; fns: Map<string, Fn> }

function parse(source: string): Program {
  const lines = source.split('\n').map((text, i) => ({ toks: tokenize(text, i + 1), no: i + 1 })).filter((l) => l.toks.length > 0);
  const fns = new Map<string, Fn>();
  let pos = 0;
  const block = (terminators: string[]): { body: Stmt[]; term: string } => {
    const body: Stmt[] = [];
    while (pos < lines.length) {
      const { toks, no } = lines[pos]!;
      const first = toks[0]!;
      if (first.t === 'id' && terminators.includes(first.v) && toks.length === 1) {
        pos++;
        return { body, term: first.v };
      }
      pos++;
      const ep = new ExprParser(toks, no);
      const end = (): void => { if (!ep.done()) throw new SorrelError(`line ${no}: unexpected text at end of line`); };
      if (first.t === 'id' && first.v === 'fn') {
        ep.expectId('fn');
        const name = ep.expectId();
        ep.expectOp('(');
        const params: string[] = [];
        if (!ep.isOp(')')) {
          params.push(ep.expectId());
          while (ep.isOp(',')) { ep.expectOp(','); params.push(ep.expectId()); }
        }
        ep.expectOp(')');
        end();
        const inner = block(['end']);
        fns.set(name, { params, body: inner.body });
        continue;
      }
      if (first.t === 'id' && first.v === 'let') {
        ep.expectId('let');
        const name = ep.expectId();
        ep.expectOp('=');
        const e = ep.expr();
        end();
        body.push({ k: 'let', name, e, line: no });
        continue;
      }
      if (first.t === 'id' && first.v === 'print') {
        ep.expectId('print');
        const args: Expr[] = [];
        if (!ep.done()) {
          args.push(ep.expr());
          while (ep.isOp(',')) { ep.expectOp(','); args.push(ep.expr()); }
        }
        end();
        body.push({ k: 'print', args, line: no });
        continue;
      }
      if (first.t === 'id' && first.v === 'return') {
        ep.expectId('return');
        const e = ep.done() ? null : ep.expr();
        end();
        body.push({ k: 'return', e, line: no });
        continue;
      }
      if (first.t === 'id' && first.v === 'if') {
        ep.expectId('if');
        const cond = ep.expr();
        ep.expectId('then');
        end();
        const a = block(['else', 'end']);
        let b: Stmt[] = [];
        if (a.term === 'else') b = block(['end']).body;
        body.push({ k: 'if', cond, then: a.body, else: b, line: no });
        continue;
      }
      if (first.t === 'id' && first.v === 'while') {
        ep.expectId('while');
        const cond = ep.expr();
        ep.expectId('do');
        end();
        body.push({ k: 'while', cond, body: block(['end']).body, line: no });
        continue;
      }
      if (first.t === 'id' && first.v === 'for') {
        ep.expectId('for');
        const name = ep.expectId();
        ep.expectId('from');
        const from = ep.expr();
        ep.expectId('to');
        const to = ep.expr();
        ep.expectId('do');
        end();
        body.push({ k: 'for', name, from, to, body: block(['end']).body, line: no });
        continue;
      }
      // assignment, index assignment, or a call statement
      if (first.t === 'id' && toks[1]?.t === 'op' && toks[1].v === '=') {
        const name = ep.expectId();
        ep.expectOp('=');
        const e = ep.expr();
        end();
        body.push({ k: 'set', name, e, line: no });
        continue;
      }
      if (first.t === 'id' && toks[1]?.t === 'op' && toks[1].v === '[') {
        // NAME[EXPR] = EXPR (a read like xs[1] alone is not a statement)
        const name = ep.expectId();
        ep.expectOp('[');
        const index = ep.expr();
        ep.expectOp(']');
        ep.expectOp('=');
        const e = ep.expr();
        end();
        body.push({ k: 'setIndex', name, index, e, line: no });
        continue;
      }
      const e = ep.expr();
      end();
      body.push({ k: 'expr', e, line: no });
    }
    if (terminators.length > 0) throw new SorrelError('missing end');
    return { body, term: '' };
  };
  const main = block([]).body;
  return { main, fns };
}

interface Frame { vars: Map<string, Value>; caller: Frame | null }

class Return { constructor(public value: Value) {} }

function copy(v: Value): Value {
  return Array.isArray(v) ? v.map(copy) : v;
}

export function show(v: Value, inList = false): string {
  if (v === null) return 'none';
  if (v === true) return 'yes';
  if (v === false) return 'no';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return inList ? `"${v}"` : v;
  return `[${v.map((x) => show(x, true)).join(', ')}]`;
}

function truthy(v: Value): boolean {
  return !(v === false || v === null);
}

/** Sorrel division: nearest whole number, halves away from zero. */
export function sorrelDiv(a: number, b: number): number {
  if (b === 0) throw new SorrelError('division by zero');
  const q = a / b;
  return Math.sign(q) * Math.round(Math.abs(q));
}

function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]!));
  return a === b;
}

export function run(source: string, maxSteps = 100_000): string {
  const prog = parse(source);
  const out: string[] = [];
  let steps = 0;
  const find = (frame: Frame, name: string): Frame | null => {
    for (let f: Frame | null = frame; f; f = f.caller) if (f.vars.has(name)) return f;
    return null;
  };
  const num = (v: Value, what: string): number => {
    if (typeof v !== 'number') throw new SorrelError(`${what} needs whole numbers, got ${show(v)}`);
    return v;
  };
  const evalExpr = (e: Expr, frame: Frame): Value => {
    switch (e.k) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 'lit': return e.v;
      case 'list': return e.items.map((x) => evalExpr(x, frame));
      case 'name': {
        const f = find(frame, e.name);
        if (!f) throw new SorrelError(`unknown name ${e.name}`);
        return copy(f.vars.get(e.name)!);
      }
      case 'neg': return -num(evalExpr(e.e, frame), '-');
      case 'not': return !truthy(evalExpr(e.e, frame));
      case 'index': {
        const t = evalExpr(e.target, frame);
        const i = num(evalExpr(e.index, frame), 'an index');
        if (!Array.isArray(t)) throw new SorrelError('only lists can be indexed');
        return i >= 1 && i <= t.length ? copy(t[i - 1]!) : null;
      }
      case 'bin': {
        if (e.op === 'and') { const a = evalExpr(e.a, frame); return truthy(a) ? evalExpr(e.b, frame) : a; }
        if (e.op === 'or') { const a = evalExpr(e.a, frame); return truthy(a) ? a : evalExpr(e.b, frame); }
        const a = evalExpr(e.a, frame);
        const b = evalExpr(e.b, frame);
        switch (e.op) {
          case '+':
            if (typeof a === 'string' || typeof b === 'string') return show(a) + show(b);
            return num(a, '+') + num(b, '+');
          case '-': return num(a, '-') - num(b, '-');
          case '*': return num(a, '*') * num(b, '*');
          case '/': return sorrelDiv(num(a, '/'), num(b, '/'));
          case '%': { const x = num(a, '%'); const y = num(b, '%'); return x - y * sorrelDiv(x, y); }
          case '==': return equal(a, b);
          case '!=': return !equal(a, b);
          case '<': return num(a, '<') < num(b, '<');
          case '<=': return num(a, '<=') <= num(b, '<=');
          case '>': return num(a, '>') > num(b, '>');
          case '>=': return num(a, '>=') >= num(b, '>=');
        }
        throw new SorrelError(`unknown operator ${e.op}`);
      }
      case 'call': {
        // arguments right to left
        const args: Value[] = new Array(e.args.length);
        for (let i = e.args.length - 1; i >= 0; i--) args[i] = evalExpr(e.args[i]!, frame);
        if (e.name === 'len') {
          const x = args[0]!;
          if (Array.isArray(x) || typeof x === 'string') return x.length;
          throw new SorrelError('len needs a list or a text');
        }
        if (e.name === 'text') return show(args[0]!);
        const fn = prog.fns.get(e.name);
        if (!fn) throw new SorrelError(`unknown function ${e.name}`);
        if (fn.params.length !== args.length) throw new SorrelError(`${e.name} takes ${fn.params.length} arguments`);
        const callee: Frame = { vars: new Map(), caller: frame };
        fn.params.forEach((p, i) => callee.vars.set(p, copy(args[i]!)));
        try {
          execBlock(fn.body, callee);
        } catch (r) {
          if (r instanceof Return) return copy(r.value);
          throw r;
        }
        return null;
      }
    }
  };
  const execBlock = (body: Stmt[], frame: Frame): void => {
    for (const s of body) exec(s, frame);
  };
  const exec = (s: Stmt, frame: Frame): void => {
    if (++steps > maxSteps) throw new SorrelError('too many steps');
    switch (s.k) {
      case 'let': frame.vars.set(s.name, copy(evalExpr(s.e, frame))); return;
      case 'set': {
        const v = evalExpr(s.e, frame);
        const f = find(frame, s.name);
        if (!f) throw new SorrelError(`unknown name ${s.name}`);
        f.vars.set(s.name, copy(v));
        return;
      }
      case 'setIndex': {
        const f = find(frame, s.name);
        if (!f) throw new SorrelError(`unknown name ${s.name}`);
        const i = num(evalExpr(s.index, frame), 'an index');
        const v = evalExpr(s.e, frame);
        const list = f.vars.get(s.name)!;
        if (!Array.isArray(list)) throw new SorrelError('only lists can be indexed');
        if (i < 1 || i > list.length + 1) throw new SorrelError('index out of range');
        list[i - 1] = copy(v);
        return;
      }
      case 'print': {
        const vals: Value[] = new Array(s.args.length);
        for (let i = s.args.length - 1; i >= 0; i--) vals[i] = evalExpr(s.args[i]!, frame);
        out.push(vals.map((v) => show(v)).join(' '));
        return;
      }
      case 'if': execBlock(truthy(evalExpr(s.cond, frame)) ? s.then : s.else, frame); return;
      case 'while':
        while (truthy(evalExpr(s.cond, frame))) {
          execBlock(s.body, frame);
          if (++steps > maxSteps) throw new SorrelError('too many steps');
        }
        return;
      case 'for': {
        const from = num(evalExpr(s.from, frame), 'for');
        const to = num(evalExpr(s.to, frame), 'for');
        const step = from <= to ? 1 : -1;
        for (let i = from; step > 0 ? i <= to : i >= to; i += step) {
          frame.vars.set(s.name, i);
          execBlock(s.body, frame);
        }
        return;
      }
      case 'return': throw new Return(s.e ? evalExpr(s.e, frame) : null);
      case 'expr': evalExpr(s.e, frame); return;
    }
  };
  const top: Frame = { vars: new Map(), caller: null };
  try {
    execBlock(prog.main, top);
  } catch (err) {
    if (err instanceof SorrelError) out.push(`error: ${err.message}`);
    else throw err;
  }
  return out.join('\n');
}
