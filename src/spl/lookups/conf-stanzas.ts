// Splits a Splunk .conf file into stanzas of `key = value` settings, keeping each setting's line.

export interface ConfSetting {
  readonly value: string;
  /** 1-based line of the key. */
  readonly line: number;
}

export interface ConfStanza {
  readonly name: string;
  readonly line: number;
  readonly settings: ReadonlyMap<string, ConfSetting>;
}

export interface ConfProblem {
  readonly line: number;
  readonly message: string;
}

export interface ConfFile {
  readonly stanzas: readonly ConfStanza[];
  readonly problems: readonly ConfProblem[];
}

/**
 * Follows the .conf rules of Splunk's Admin manual ("About configuration files"): `[stanza]`
 * headers, `key = value` lines, `#` comment lines, and a trailing `\` continuing a value onto the
 * next line. Settings before the first stanza belong to `[default]`; a later duplicate key wins.
 */
export function parseConfStanzas(text: string): ConfFile {
  const stanzas: ConfStanza[] = [];
  const problems: ConfProblem[] = [];
  let current = { name: 'default', line: 0, settings: new Map<string, ConfSetting>() };
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = i + 1;
    let line = lines[i] ?? '';
    while (line.endsWith('\\') && i + 1 < lines.length) {
      i++;
      line = `${line.slice(0, -1)}\n${lines[i] ?? ''}`;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      const close = trimmed.lastIndexOf(']');
      if (close < 0) {
        problems.push({ line: lineNumber, message: `stanza header "${trimmed}" has no "]"` });
        continue;
      }
      if (current.settings.size > 0 || current.name !== 'default') stanzas.push(current);
      current = { name: trimmed.slice(1, close).trim(), line: lineNumber, settings: new Map() };
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0) {
      problems.push({ line: lineNumber, message: `"${trimmed}" is not a "key = value" line` });
      continue;
    }
    current.settings.set(line.slice(0, eq).trim(), {
      value: line.slice(eq + 1).trim(),
      line: lineNumber,
    });
  }
  if (current.settings.size > 0 || current.name !== 'default') stanzas.push(current);
  return { stanzas, problems };
}
