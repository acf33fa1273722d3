// EVAL-<field> = <eval expression>: parsed and compiled once with the SPL eval compiler.
import { type Diagnostic, error, span } from '../../core/index.ts';
import {
  type CompiledExpr,
  Cursor,
  compileExpr,
  type EvalClock,
  type Expr,
  expectEnd,
  parseExpression,
  SplSyntaxError,
  toFieldValue,
} from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { EvalStep } from '../model/knowledge-step.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { valueError } from './setting-diagnostics.ts';
import { specializeExpr } from './specialize-expr.ts';

export type EvalResult =
  | { readonly ok: true; readonly step: EvalStep }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * The expression is parsed where it is written, so a syntax or compile error gets a caret under
 * the exact place in props.conf. As with `| eval`, a result that is a boolean is refused and a
 * null result leaves the field without a value (Search Reference, eval).
 */
export function compileEval(
  setting: KnowledgeSetting,
  field: string,
  clock: EvalClock | undefined,
): EvalResult {
  if (field === '') {
    return {
      ok: false,
      diagnostics: [valueError(KNOWLEDGE_CODES.badEval, 'EVAL- needs a field name', setting)],
    };
  }
  const parsed = parseEvalExpression(setting);
  if ('diagnostics' in parsed) return { ok: false, diagnostics: parsed.diagnostics };
  const source = setting.valueSource;
  const compiled = compileExpr(parsed.expr, { source, ...(clock ? { clock } : {}) });
  if (!compiled.ok) return { ok: false, diagnostics: compiled.diagnostics };
  if (compiled.value.type === 'boolean') {
    return {
      ok: false,
      diagnostics: [
        valueError(
          KNOWLEDGE_CODES.badEval,
          'the result of an eval expression cannot be true/false; wrap it in if(...)',
          setting,
        ),
      ],
    };
  }
  const origin = { source, span: setting.valueSpan };
  const specialized = new Map<string, EvalStep>();
  const stepOf = (value: CompiledExpr): EvalStep => {
    const evaluate = value.evaluate;
    return {
      phase: 'EVAL',
      label: `EVAL-${field}`,
      field,
      writes: new Set([field]),
      reads: value.fields,
      origin,
      compute: (event) => toFieldValue(evaluate(event)),
      specialize,
    };
  };
  const specialize = (known: ReadonlyMap<string, string>): EvalStep => {
    const key = [...known].map(([name, value]) => `${name}\u0000${value}`).join('\u0001');
    const cached = specialized.get(key);
    if (cached !== undefined) return cached;
    const again = compileExpr(specializeExpr(parsed.expr, known), {
      source,
      ...(clock ? { clock } : {}),
    });
    const step = again.ok ? stepOf(again.value) : general;
    if (specialized.size < MAX_SPECIALIZED) specialized.set(key, step);
    return step;
  };
  const general = stepOf(compiled.value);
  return { ok: true, step: general };
}

/** Specialised variants kept per EVAL (one per event code seen, in practice). */
const MAX_SPECIALIZED = 256;

function parseEvalExpression(
  setting: KnowledgeSetting,
): { readonly expr: Expr } | { readonly diagnostics: readonly Diagnostic[] } {
  const { valueSource: source, valueSpan } = setting;
  if (valueSpan.end <= valueSpan.start) {
    return {
      diagnostics: [valueError(KNOWLEDGE_CODES.badEval, 'EVAL needs an expression', setting)],
    };
  }
  const cursor = new Cursor(source.text, valueSpan.start, valueSpan.end, {
    parseNested: (start) => {
      throw new SplSyntaxError(
        error(KNOWLEDGE_CODES.badEval, 'a subsearch cannot appear in a calculated field', {
          span: span(start - 1, start),
        }),
      );
    },
  });
  try {
    const expr = parseExpression(cursor);
    expectEnd(cursor, 'EVAL', 'expression');
    return { expr };
  } catch (caught) {
    if (!(caught instanceof SplSyntaxError)) throw caught;
    return { diagnostics: [{ ...caught.diagnostic, source }] };
  }
}
