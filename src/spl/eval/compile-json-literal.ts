// Compiles SPL 10 array and object literals (`[1, x]`, `{a: "b"}`) to the compact JSON text a
// field holds, with members converted as json_array and json_object convert their arguments.
import type { ArrayLiteral, Expr, ObjectLiteral } from '../ast/expr.ts';
import { type Json, jsonText, toJson } from '../value/json-value.ts';
import type { ExprCompiler } from './compile-expr.ts';
import type { CompiledOperator } from './compile-operators.ts';
import { constantArg, unionFields } from './compiled-arg.ts';
import type { CompiledArg } from './eval-types.ts';

/** JSON's own constants, written bare inside a literal (`{"ok": true, "next": null}`). */
const JSON_CONSTANTS: Readonly<Record<string, Json>> = { true: true, false: false, null: null };

export function compileJsonLiteral(
  compiler: ExprCompiler,
  expr: ArrayLiteral | ObjectLiteral,
): CompiledOperator {
  const values = expr.kind === 'Array' ? expr.elements : expr.members.map((m) => m.value);
  const operands = values.map((value) => compileMember(compiler, value));
  const evaluators = operands.map((o) => o.evaluate);
  const typed = operands.map((o) => o.type === 'string');
  const fields = unionFields(operands);
  if (expr.kind === 'Array') {
    return {
      evaluate: (event) => jsonText(evaluators.map((f, i) => toJson(f(event), typed[i] ?? false))),
      type: 'any',
      fields,
      operands,
    };
  }
  const keys = expr.members.map((m) => m.key);
  return {
    evaluate: (event) => {
      const object: Record<string, Json> = {};
      evaluators.forEach((f, i) => {
        object[keys[i] as string] = toJson(f(event), typed[i] ?? false);
      });
      return jsonText(object);
    },
    type: 'any',
    fields,
    operands,
  };
}

function compileMember(compiler: ExprCompiler, value: Expr): CompiledArg {
  if (value.kind === 'Field' && !value.quoted && Object.hasOwn(JSON_CONSTANTS, value.name)) {
    const json = JSON_CONSTANTS[value.name];
    return json === null
      ? constantArg(value, undefined, 'null')
      : constantArg(value, json as boolean, 'boolean');
  }
  return compiler.compile(value);
}
