// Functions generated from code text (event constructors), where the process allows it.

let allowed = true;

/**
 * `new Function(...params, body)`, or undefined when code generation from strings is disabled
 * (`node --disallow-code-generation-from-strings`, or a policy): callers then take their
 * field-by-field path, which gives the same events.
 */
export function generateFunction(params: readonly string[], body: string): unknown {
  if (!allowed) return undefined;
  try {
    return new Function(...params, body);
  } catch (error) {
    if (!(error instanceof EvalError)) throw error;
    allowed = false;
    return undefined;
  }
}
