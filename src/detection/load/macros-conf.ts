// Splunk `macros.conf` → macro definitions: `[name]` / `[name(2)]` stanzas with `args` and
// `definition`, `\` line continuations (Admin Manual, macros.conf.spec). Written by hand: no npm
// package reads Splunk .conf files with continuations and stanza line numbers.
import { type Diagnostic, error } from '../../core/index.ts';
import { defineMacro, type MacroDefinition } from '../../spl/index.ts';
import { CONTENT_CODES } from '../diagnostic-codes.ts';

export interface ConfMacros {
  readonly macros: readonly MacroDefinition[];
  readonly diagnostics: readonly Diagnostic[];
}

interface Stanza {
  readonly header: string;
  readonly line: number;
  readonly settings: Map<string, string>;
}

export function readMacrosConf(path: string, text: string): ConfMacros {
  const diagnostics: Diagnostic[] = [];
  const macros: MacroDefinition[] = [];
  for (const stanza of readStanzas(path, text, diagnostics)) {
    const where = `${path}:${stanza.line}`;
    const header = /^([^()\s]+)(?:\((\d+)\))?$/.exec(stanza.header);
    if (!header) {
      diagnostics.push(
        error(CONTENT_CODES.macroConfInvalid, `bad macro stanza [${stanza.header}]`, {
          location: where,
        }),
      );
      continue;
    }
    const name = header[1] ?? '';
    const arity = Number(header[2] ?? '0');
    const definition = stanza.settings.get('definition');
    if (definition === undefined) {
      diagnostics.push(
        error(CONTENT_CODES.macroConfInvalid, `macro [${stanza.header}] has no definition`, {
          location: where,
        }),
      );
      continue;
    }
    const iseval = stanza.settings.get('iseval');
    if (iseval !== undefined && /^(1|t|true)$/i.test(iseval.trim())) {
      diagnostics.push(
        error(
          CONTENT_CODES.macroIsEval,
          `macro [${stanza.header}] is an eval-based macro (iseval = 1): not supported`,
          {
            location: where,
          },
        ),
      );
      continue;
    }
    const argsText = stanza.settings.get('args') ?? '';
    const args = argsText.trim() === '' ? [] : argsText.split(',').map((a) => a.trim());
    if (args.length !== arity) {
      diagnostics.push(
        error(
          CONTENT_CODES.macroConfInvalid,
          `macro [${stanza.header}] declares ${arity} argument(s) but args lists ${args.length}`,
          {
            location: where,
          },
        ),
      );
      continue;
    }
    macros.push(defineMacro(name, args, definition.trim(), where));
  }
  return { macros, diagnostics };
}

function readStanzas(path: string, text: string, diagnostics: Diagnostic[]): Stanza[] {
  const stanzas: Stanza[] = [];
  const lines = text.split(/\r?\n/);
  let current: Stanza | undefined;
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n] ?? '';
    const lineNumber = n + 1;
    while (line.endsWith('\\') && n + 1 < lines.length) {
      n++;
      line = `${line.slice(0, -1)}\n${lines[n] ?? ''}`;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const stanza = /^\[(.*)\]$/.exec(trimmed);
    if (stanza) {
      current = { header: (stanza[1] ?? '').trim(), line: lineNumber, settings: new Map() };
      stanzas.push(current);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      diagnostics.push(
        error(CONTENT_CODES.macroConfInvalid, `expected "key = value"`, {
          location: `${path}:${lineNumber}`,
        }),
      );
      continue;
    }
    if (!current) continue;
    current.settings.set(line.slice(0, eq).trim(), line.slice(eq + 1).trim());
  }
  return stanzas;
}
