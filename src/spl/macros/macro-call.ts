// The inside of a macro call: `name` or `name(arg, "arg, with comma", ...)`.

export interface MacroCall {
  readonly name: string;
  readonly args: readonly string[];
}

/**
 * Splunk splits macro arguments at commas outside double quotes and parentheses and trims them;
 * quotes stay part of the argument. Returns undefined when the text is not a call.
 */
export function parseMacroCall(body: string): MacroCall | undefined {
  const match = /^\s*([A-Za-z0-9_][A-Za-z0-9_.:-]*)\s*(?:\(([\s\S]*)\))?\s*$/.exec(body);
  if (!match) return undefined;
  const name = match[1] ?? '';
  const inside = match[2];
  if (inside === undefined) return { name, args: [] };
  if (inside.trim() === '') return { name, args: [] };
  const args: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = '';
  for (let i = 0; i < inside.length; i++) {
    const c = inside[i] ?? '';
    if (c === '\\' && i + 1 < inside.length) {
      current += c + (inside[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    if (c === ',' && !quoted && depth === 0) {
      args.push(current.trim());
      current = '';
      continue;
    }
    current += c;
  }
  args.push(current.trim());
  return { name, args };
}
