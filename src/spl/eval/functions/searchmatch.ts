// searchmatch("search text"): whether the event matches a search clause, compiled once.
import { DiagnosticError } from '../../../core/index.ts';
import { compileSearch } from '../../search/compile-search.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';

export const searchmatchFunction: EvalFunctionSpec = {
  name: 'searchmatch',
  minArgs: 1,
  maxArgs: 1,
  returns: 'boolean',
  // It reads the event although its argument is a literal: never fold it to a constant.
  pure: false,
  summary: 'searchmatch("field=value term"): true when the event matches the search clause',
  compile: (site) => {
    const arg = site.args[0] as CompiledArg;
    const text = arg.constant?.value;
    if (typeof text !== 'string') {
      return site.fail(
        EvalCode.badArgument,
        'searchmatch() takes a literal search string',
        arg.expr.span,
      );
    }
    if (!site.parseSearch) {
      return site.fail(
        EvalCode.badArgument,
        'searchmatch() needs the search parser, which this compile was not given',
        arg.expr.span,
      );
    }
    let compiled: ReturnType<typeof compileSearch>;
    try {
      compiled = compileSearch(site.parseSearch(text), { now: site.clock.searchStart() });
    } catch (caught) {
      if (!(caught instanceof DiagnosticError)) throw caught;
      const first = caught.diagnostics[0];
      return site.fail(
        EvalCode.badArgument,
        `searchmatch() text does not parse: ${first?.message ?? 'syntax error'}`,
        arg.expr.span,
      );
    }
    if (!compiled.ok) {
      return site.fail(
        EvalCode.badArgument,
        `searchmatch() text: ${compiled.diagnostics[0]?.message ?? 'cannot compile'}`,
        arg.expr.span,
      );
    }
    const test = compiled.value.test;
    return (event) => test(event);
  },
};
