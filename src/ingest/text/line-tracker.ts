// Line and column of positions in streamed text, for problem locations (`line 12, column 5`).

/**
 * Tracks line numbers over a text buffer that is consumed from the front. Positions are asked
 * for in increasing order within one buffer (records are read in order), so each newline is
 * counted once: counting costs one `indexOf` per line of input however many records a chunk has.
 */
export class LineTracker {
  /** Line number at the buffer's start, and characters of that line before the start. */
  private baseLine: number;
  private baseColumn: number;
  /** The last position located in the current buffer, its line, and that line's start. */
  private cachedAt = 0;
  private cachedLine = 1;
  private cachedLineStart = -1;
  /** The first newline at or after `cachedAt` (-1: none in this buffer, -2: not looked for). */
  private nextNewline = -2;

  /** `skipped`: lines and columns dropped before the text (blank lines at the start). */
  constructor(
    skipped: { readonly lines: number; readonly columns: number } = { lines: 0, columns: 0 },
  ) {
    this.baseLine = 1 + skipped.lines;
    this.baseColumn = skipped.columns;
    this.cachedLine = this.baseLine;
  }

  /** The buffer's first `end` characters are consumed (the buffer is about to be sliced). */
  advance(s: string, end: number): void {
    const line = this.count(s, end);
    this.baseColumn = this.cachedLineStart < 0 ? this.baseColumn + end : end - this.cachedLineStart;
    this.baseLine = line;
    this.reset();
  }

  /** `line L, column C` (1-based, columns in characters) of the buffer position `at`. */
  locate(s: string, at: number): string {
    const line = this.count(s, at);
    const column =
      this.cachedLineStart < 0 ? this.baseColumn + at + 1 : at - this.cachedLineStart + 1;
    return `line ${line}, column ${column}`;
  }

  /** The 1-based line of the buffer position `at`. */
  lineAt(s: string, at: number): number {
    return this.count(s, at);
  }

  private count(s: string, at: number): number {
    if (at < this.cachedAt) this.reset();
    let line = this.cachedLine;
    let lineStart = this.cachedLineStart;
    // Remembering the next newline keeps a buffer with no newline (one long line) from being
    // searched to its end on every call.
    let i = this.nextNewline === -2 ? s.indexOf('\n', this.cachedAt) : this.nextNewline;
    while (i >= 0 && i < at) {
      line++;
      lineStart = i + 1;
      i = s.indexOf('\n', i + 1);
    }
    this.nextNewline = i;
    this.cachedAt = at;
    this.cachedLine = line;
    this.cachedLineStart = lineStart;
    return line;
  }

  private reset(): void {
    this.cachedAt = 0;
    this.cachedLine = this.baseLine;
    this.cachedLineStart = -1;
    this.nextNewline = -2;
  }
}
