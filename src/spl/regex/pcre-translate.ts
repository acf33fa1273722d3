// Translates a PCRE pattern (what SPL's match(), replace(), rex and regex take) into an
// equivalent JavaScript RegExp source, or says precisely why it cannot.
// Hand-written: no library maps PCRE onto JS. Semantics kept exact where JS differs: `.` never
// matches \n unless (?s), `$` also matches before a final \n, (?i)/(?s)/(?m)/(?x) may be scoped
// or switched mid-pattern, named groups of any PCRE spelling, atomic groups and possessive
// quantifiers (as lookahead + backreference), \A \z \Z \h \v \R \Q..\E and POSIX classes.
import { translateClass } from './pcre-class.ts';
import {
  caseVariants,
  codePointEscape,
  escapeLiteral,
  HORIZONTAL_SPACE,
  VERTICAL_SPACE,
} from './pcre-escapes.ts';

export interface PcreTranslation {
  /** JavaScript RegExp source (for use without the `u` flag). */
  readonly source: string;
  /** `'i'` when the whole pattern is case-insensitive, else `''`. */
  readonly flags: string;
  /** Number of capturing groups in the PCRE pattern. */
  readonly groupCount: number;
  /** JS group number of each PCRE group; index 0 is the whole match. */
  readonly groupMap: readonly number[];
  /** Name of each PCRE group (index = PCRE group number), when it has one. */
  readonly groupNames: readonly (string | undefined)[];
}

export type TranslateResult =
  | { readonly ok: true; readonly value: PcreTranslation }
  | { readonly ok: false; readonly reason: string; readonly offset: number };

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  x: boolean;
  n: boolean;
}

interface OpenGroup {
  readonly outStart: number;
  readonly groupsBefore: number;
  readonly saved: Flags;
  readonly close: string;
}

class TranslateError extends Error {
  readonly offset: number;
  constructor(reason: string, offset: number) {
    super(reason);
    this.offset = offset;
  }
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}/;
const FLAG_GROUP = /^\(\?([\^a-zA-Z]*(?:-[a-zA-Z]*)?)([:)])/;
const BACKREF_MARK = '\u0000';
const BACKREF_PLACEHOLDER = new RegExp(`${BACKREF_MARK}(\\d+)${BACKREF_MARK}`, 'g');

export function translatePcre(pattern: string): TranslateResult {
  try {
    return { ok: true, value: new PcreTranslator(pattern).run() };
  } catch (caught) {
    if (caught instanceof TranslateError)
      return { ok: false, reason: caught.message, offset: caught.offset };
    throw caught;
  }
}

class PcreTranslator {
  private readonly p: string;
  private i = 0;
  private out = '';
  private flags: Flags = { i: false, m: false, s: false, x: false, n: false };
  private readonly useIFlag: boolean;
  private readonly stack: OpenGroup[] = [];
  private pcreGroups = 0;
  private jsGroups = 0;
  private readonly groupMap: number[] = [0];
  private readonly groupNames: (string | undefined)[] = [undefined];
  private readonly names = new Map<string, number>();
  private readonly totalGroups: number;
  private atomStart = -1;
  private atomGroups = 0;

  constructor(pattern: string) {
    this.p = pattern;
    this.useIFlag = wholePatternCaseless(pattern);
    this.totalGroups = countGroups(pattern);
  }

  run(): PcreTranslation {
    if (this.p.includes(BACKREF_MARK))
      throw new TranslateError(
        'NUL characters are not supported in patterns',
        this.p.indexOf(BACKREF_MARK),
      );
    while (this.i < this.p.length) this.step();
    if (this.stack.length > 0)
      throw new TranslateError('missing closing parenthesis', this.p.length);
    const source = this.out.replace(BACKREF_PLACEHOLDER, (_, n: string) => {
      const js = this.groupMap[Number(n)];
      if (js === undefined) throw new TranslateError(`reference to non-existent group ${n}`, 0);
      return `\\${js}(?:)`;
    });
    return {
      source,
      flags: this.useIFlag ? 'i' : '',
      groupCount: this.pcreGroups,
      groupMap: this.groupMap,
      groupNames: this.groupNames,
    };
  }

  private get foldCase(): boolean {
    return this.flags.i && !this.useIFlag;
  }

  private beginAtom(): undefined {
    this.atomStart = this.out.length;
    this.atomGroups = this.jsGroups;
  }

  private step(): undefined {
    const ch = this.p[this.i] as string;
    if (this.flags.x) {
      if (/\s/.test(ch)) {
        this.i++;
        return;
      }
      if (ch === '#') {
        const nl = this.p.indexOf('\n', this.i);
        this.i = nl < 0 ? this.p.length : nl + 1;
        return;
      }
    }
    switch (ch) {
      case '\\':
        return this.escape();
      case '[': {
        const cls = translateClass(this.p, this.i, this.foldCase);
        if (!cls.ok) throw new TranslateError(cls.reason, cls.offset);
        this.beginAtom();
        this.out += cls.source;
        this.i = cls.end;
        return;
      }
      case '(':
        return this.openGroup();
      case ')':
        return this.closeGroup();
      case '|':
        this.out += '|';
        this.atomStart = -1;
        this.i++;
        return;
      case '^':
        this.out += this.flags.m ? '(?<=^|\\n)' : '^';
        this.atomStart = -1;
        this.i++;
        return;
      case '$':
        this.out += this.flags.m ? '(?=\\n|$)' : '(?=\\n?$)';
        this.atomStart = -1;
        this.i++;
        return;
      case '.':
        this.beginAtom();
        this.out += this.flags.s ? '[\\s\\S]' : '[^\\n]';
        this.i++;
        return;
      case '*':
      case '+':
      case '?':
        return this.quantifier(ch, 1);
      case '{': {
        const q = /^\{\d+(?:,\d*)?\}/.exec(this.p.slice(this.i))?.[0];
        if (q !== undefined) return this.quantifier(q, q.length);
        this.beginAtom();
        this.out += '\\{';
        this.i++;
        return;
      }
      default: {
        const code = this.p.codePointAt(this.i) as number;
        const text = String.fromCodePoint(code);
        this.beginAtom();
        this.out += this.literal(text);
        this.i += text.length;
      }
    }
  }

  private literal(text: string): string {
    if (this.foldCase) {
      const variants = caseVariants(text);
      return variants.length > escapeLiteral(text).length ? `[${variants}]` : variants;
    }
    return escapeLiteral(text);
  }

  private quantifier(q: string, length: number): undefined {
    if (this.atomStart < 0)
      throw new TranslateError(`quantifier "${q}" does not follow anything it can repeat`, this.i);
    this.i += length;
    let quantifier = q;
    const suffix = this.p[this.i];
    if (suffix === '?') {
      quantifier += '?';
      this.i++;
    } else if (suffix === '+') {
      // Possessive: X*+ behaves as the atomic group (?>X*), which JS expresses as (?=(X*))\k.
      this.i++;
      if (this.jsGroups !== this.atomGroups) {
        throw new TranslateError(
          'possessive quantifier over a capturing group is not supported',
          this.i - 1,
        );
      }
      const atom = this.out.slice(this.atomStart);
      const index = ++this.jsGroups;
      this.out = `${this.out.slice(0, this.atomStart)}(?=(${atom}${quantifier}))\\${index}(?:)`;
      this.atomStart = -1;
      return;
    }
    this.out += quantifier;
    this.atomStart = -1;
  }

  private openGroup(): undefined {
    const start = this.i;
    const rest = this.p.slice(this.i);
    const saved = { ...this.flags };
    const push = (open: string, close: string, consumed: number): undefined => {
      this.stack.push({ outStart: this.out.length, groupsBefore: this.jsGroups, saved, close });
      this.out += open;
      this.i += consumed;
    };
    if (rest.startsWith('(*'))
      throw new TranslateError('PCRE verbs such as (*UTF) or (*SKIP) are not supported', start);
    if (!rest.startsWith('(?')) {
      if (this.flags.n) return push('(?:', ')', 1);
      return this.capture(undefined, 1);
    }
    const kind = rest[2];
    if (kind === ':') return push('(?:', ')', 3);
    if (kind === '=' || kind === '!') return push(rest.slice(0, 3), ')', 3);
    if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) return push(rest.slice(0, 4), ')', 4);
    if (kind === '>') {
      const index = ++this.jsGroups;
      return push('(?=(', `))\\${index}(?:)`, 3);
    }
    if (kind === '#') {
      const close = this.p.indexOf(')', this.i);
      if (close < 0) throw new TranslateError('missing ) after (?# comment', start);
      this.i = close + 1;
      return;
    }
    const named = /^\(\?(?:P?<|')([^>']*)[>']/.exec(rest);
    if (named && (rest[2] === '<' || rest[2] === "'" || rest.startsWith('(?P<'))) {
      const name = named[1] as string;
      if (NAME.exec(name)?.[0] !== name)
        throw new TranslateError(`invalid group name "${name}"`, start);
      return this.capture(name, named[0].length);
    }
    const backref = /^\(\?P=([A-Za-z_]\w*)\)/.exec(rest);
    if (backref) {
      this.backreferenceByName(backref[1] as string, start);
      this.i += backref[0].length;
      return;
    }
    if (/^\(\?(?:R|[+-]?\d|&|P>)/.test(rest)) {
      throw new TranslateError(
        'recursion and subroutine calls ((?R), (?1), (?&name)) are not supported',
        start,
      );
    }
    const flagGroup = FLAG_GROUP.exec(rest);
    if (flagGroup) {
      const flags = this.applyFlags(flagGroup[1] as string, start);
      if (flagGroup[2] === ')') {
        this.flags = flags;
        this.i += flagGroup[0].length;
        return;
      }
      push('(?:', ')', flagGroup[0].length);
      this.flags = flags;
      return;
    }
    if (kind === '|')
      throw new TranslateError('branch reset groups (?|...) are not supported', start);
    if (kind === '(')
      throw new TranslateError('conditional groups (?(...)...) are not supported', start);
    throw new TranslateError(
      'recursion and subroutine calls ((?R), (?1), (?&name)) are not supported',
      start,
    );
  }

  private capture(name: string | undefined, consumed: number): undefined {
    const pcreIndex = ++this.pcreGroups;
    const jsIndex = ++this.jsGroups;
    this.groupMap[pcreIndex] = jsIndex;
    this.groupNames[pcreIndex] = name;
    if (name !== undefined && !this.names.has(name)) this.names.set(name, pcreIndex);
    this.stack.push({
      outStart: this.out.length,
      groupsBefore: jsIndex - 1,
      saved: { ...this.flags },
      close: ')',
    });
    this.out += '(';
    this.i += consumed;
  }

  private applyFlags(spec: string, offset: number): Flags {
    const flags = { ...this.flags };
    let on = true;
    for (const letter of spec) {
      if (letter === '-') on = false;
      else if (letter === '^')
        Object.assign(flags, { i: false, m: false, s: false, x: false, n: false });
      else if (
        letter === 'i' ||
        letter === 'm' ||
        letter === 's' ||
        letter === 'x' ||
        letter === 'n'
      )
        flags[letter] = on;
      else if (letter === 'J') continue;
      else if (letter === 'U')
        throw new TranslateError('the ungreedy flag (?U) is not supported', offset);
      else throw new TranslateError(`unknown inline flag "${letter}"`, offset);
    }
    return flags;
  }

  private closeGroup(): undefined {
    const group = this.stack.pop();
    if (!group) throw new TranslateError('unmatched closing parenthesis', this.i);
    this.out += group.close;
    this.flags = group.saved;
    this.atomStart = group.outStart;
    this.atomGroups = group.groupsBefore;
    this.i++;
  }

  private backreference(n: number, offset: number): undefined {
    if (n < 1 || n > this.totalGroups)
      throw new TranslateError(`reference to non-existent group ${n}`, offset);
    this.beginAtom();
    this.out += `${BACKREF_MARK}${n}${BACKREF_MARK}`;
  }

  private backreferenceByName(name: string, offset: number): undefined {
    const index = this.names.get(name);
    if (index === undefined)
      throw new TranslateError(`reference to undefined group name "${name}"`, offset);
    this.backreference(index, offset);
  }

  private emitAtom(source: string, consumed: number): undefined {
    this.beginAtom();
    this.out += source;
    this.i += consumed;
  }

  private escape(): undefined {
    const start = this.i;
    const next = this.p[this.i + 1];
    if (next === undefined) throw new TranslateError('pattern ends with a backslash', start);
    const rest = this.p.slice(this.i);
    switch (next) {
      case 'A':
        this.out += '^';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'z':
        this.out += '$';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'Z':
        this.out += '(?=\\n?$)';
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'b':
      case 'B':
        this.out += `\\${next}`;
        this.atomStart = -1;
        this.i += 2;
        return;
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 's':
      case 'S':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return this.emitAtom(`\\${next}`, 2);
      case 'h':
        return this.emitAtom(`[${HORIZONTAL_SPACE}]`, 2);
      case 'H':
        return this.emitAtom(`[^${HORIZONTAL_SPACE}]`, 2);
      case 'v':
        return this.emitAtom(`[${VERTICAL_SPACE}]`, 2);
      case 'V':
        return this.emitAtom(`[^${VERTICAL_SPACE}]`, 2);
      case 'R':
        return this.emitAtom(`(?:\\r\\n|[${VERTICAL_SPACE}])`, 2);
      case 'N':
        if (this.p[this.i + 2] === '{')
          throw new TranslateError('\\N{...} is not supported', start);
        return this.emitAtom('[^\\n]', 2);
      case 'e':
        return this.emitAtom('\\x1b', 2);
      case 'a':
        return this.emitAtom('\\x07', 2);
      case 'c': {
        const target = this.p.charCodeAt(this.i + 2);
        if (Number.isNaN(target)) throw new TranslateError('\\c at end of pattern', start);
        return this.emitAtom(codePointEscape((target & ~0x20) ^ 0x40), 3);
      }
      case 'x': {
        const braced = /^\\x\{([0-9A-Fa-f]{1,6})\}/.exec(rest);
        if (braced)
          return this.emitAtom(
            codePointEscape(Number.parseInt(braced[1] as string, 16)),
            braced[0].length,
          );
        if (rest[2] === '{') throw new TranslateError('malformed \\x{...} escape', start);
        const hex = /^\\x([0-9A-Fa-f]{0,2})/.exec(rest)?.[1] ?? '';
        return this.emitAtom(
          codePointEscape(hex === '' ? 0 : Number.parseInt(hex, 16)),
          2 + hex.length,
        );
      }
      case 'o': {
        const octal = /^\\o\{([0-7]{1,8})\}/.exec(rest);
        if (!octal) throw new TranslateError('malformed \\o{...} escape', start);
        return this.emitAtom(
          codePointEscape(Number.parseInt(octal[1] as string, 8)),
          octal[0].length,
        );
      }
      case 'Q': {
        const close = this.p.indexOf('\\E', this.i + 2);
        const end = close < 0 ? this.p.length : close;
        for (const c of this.p.slice(this.i + 2, end)) {
          this.beginAtom();
          this.out += this.literal(c);
        }
        this.i = close < 0 ? end : end + 2;
        return;
      }
      case 'E':
        this.i += 2;
        return;
      case 'g':
      case 'k':
        return this.namedOrRelativeReference(rest, start);
      case 'G':
      case 'K':
      case 'X':
      case 'C':
      case 'p':
      case 'P':
        throw new TranslateError(`escape \\${next} is not supported`, start);
    }
    if (next >= '0' && next <= '9') return this.numericEscape(rest, start);
    if (/[A-Za-z]/.test(next)) throw new TranslateError(`unrecognized escape \\${next}`, start);
    const code = this.p.codePointAt(this.i + 1) as number;
    const text = String.fromCodePoint(code);
    this.emitAtom(code < 0x20 ? codePointEscape(code) : escapeLiteral(text), 1 + text.length);
  }

  private numericEscape(rest: string, start: number): undefined {
    const digits = /^\\(\d+)/.exec(rest)?.[1] as string;
    if (digits.startsWith('0')) {
      const octal = /^[0-7]{1,3}/.exec(digits)?.[0] ?? '0';
      return this.emitAtom(codePointEscape(Number.parseInt(octal, 8)), 1 + octal.length);
    }
    const n = Number(digits);
    if (n < 10 || n <= this.totalGroups) {
      this.backreference(n, start);
      this.i += 1 + digits.length;
      return;
    }
    const octal = /^[0-7]{1,3}/.exec(digits)?.[0];
    if (octal === undefined)
      throw new TranslateError(`reference to non-existent group ${n}`, start);
    this.emitAtom(codePointEscape(Number.parseInt(octal, 8)), 1 + octal.length);
  }

  private namedOrRelativeReference(rest: string, start: number): undefined {
    const m = /^\\[gk](?:\{(-?\d+|[A-Za-z_]\w*)\}|<([A-Za-z_]\w*)>|'([A-Za-z_]\w*)'|(-?\d+))/.exec(
      rest,
    );
    if (!m) throw new TranslateError(`malformed \\${rest[1]} reference`, start);
    if (rest[1] === 'g' && (rest[2] === '<' || rest[2] === "'")) {
      throw new TranslateError('subroutine calls \\g<...> are not supported', start);
    }
    const ref = (m[1] ?? m[2] ?? m[3] ?? m[4]) as string;
    if (/^-?\d+$/.test(ref)) {
      const n = Number(ref);
      this.backreference(n < 0 ? this.pcreGroups + 1 + n : n, start);
    } else {
      this.backreferenceByName(ref, start);
    }
    this.i += m[0].length;
  }
}

/** True when a leading (?i...) makes the whole pattern caseless and nothing else touches `i`. */
function wholePatternCaseless(pattern: string): boolean {
  const leading = FLAG_GROUP.exec(pattern);
  if (leading?.[2] !== ')') return false;
  const spec = leading[1] as string;
  const dash = spec.indexOf('-');
  const on = dash < 0 ? spec : spec.slice(0, dash);
  if (!on.includes('i') || spec.includes('^')) return false;
  const rest = pattern.slice(leading[0].length);
  return !/\(\?[a-zA-Z]*-[a-zA-Z]*i|\(\?\^/.test(rest);
}

/** Capturing groups in the pattern, for telling `\12` (a backreference) from octal. */
function countGroups(pattern: string): number {
  let count = 0;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++;
      else if (pattern[i + 1] === '^' && pattern[i + 2] === ']') i += 2;
      continue;
    }
    if (ch !== '(') continue;
    if (pattern[i + 1] !== '?') {
      if (pattern[i + 1] !== '*') count++;
      continue;
    }
    if (/^\(\?(?:P?<[A-Za-z_]|'[A-Za-z_])/.test(pattern.slice(i, i + 5))) count++;
  }
  return count;
}
