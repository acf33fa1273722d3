// Source spans: half-open UTF-16 offsets into a source text, turned into line/column on demand.

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LineColumn {
  /** 1-based line number. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units. */
  readonly column: number;
}

export function span(start: number, end: number): Span {
  return { start, end };
}

export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const limit = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < limit; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: limit - lineStart + 1 };
}
