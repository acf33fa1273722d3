// Compiles a search for a test; a search that does not compile fails the test with its problems.
import { compileSpl, type Plan } from '../../src/spl/index.ts';

export function planOf(spl: string): Plan {
  const compiled = compileSpl(spl);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('\n'));
  return compiled.value;
}
