// One entity's risk events for its incident windows, as columns of numbers (read back from the
// ledger's ContributionStore): an object per risk event, with its message as a string of its own,
// was most of a long hunt's memory. Messages and search names are kept once each (TextTable).
import type { RiskContribution } from './risk-ledger.ts';

/** Texts by number: risk messages repeat (`<rule> on <host>`), search names more so. */
export class TextTable {
  private readonly numbers = new Map<string, number>();
  private readonly texts: string[] = [];

  numberOf(text: string): number {
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.texts.push(text) - 1;
      this.numbers.set(text, n);
    }
    return n;
  }

  text(n: number): string {
    return this.texts[n] as string;
  }
}

export class ContributionColumns {
  length = 0;
  private readonly texts: TextTable;
  private times: Float64Array;
  private scores: Float64Array;
  private searches: Int32Array;
  private messages: Int32Array;
  private findings: Int32Array;

  constructor(texts: TextTable, capacity = 4) {
    this.texts = texts;
    const size = Math.max(1, capacity);
    this.times = new Float64Array(size);
    this.scores = new Float64Array(size);
    this.searches = new Int32Array(size);
    this.messages = new Int32Array(size);
    this.findings = new Int32Array(size);
  }

  /** Appends a risk event, its search name and message by their TextTable numbers. */
  pushNumbers(time: number, score: number, search: number, message: number, finding: number): void {
    if (this.length === this.times.length) this.grow();
    const i = this.length++;
    this.times[i] = time;
    this.scores[i] = score;
    this.searches[i] = search;
    this.messages[i] = message;
    this.findings[i] = finding;
  }

  time(i: number): number {
    return this.times[i] as number;
  }

  score(i: number): number {
    return this.scores[i] as number;
  }

  searchName(i: number): string {
    return this.texts.text(this.searches[i] as number);
  }

  finding(i: number): number {
    return this.findings[i] as number;
  }

  at(i: number): RiskContribution {
    return {
      time: this.times[i] as number,
      score: this.scores[i] as number,
      searchName: this.texts.text(this.searches[i] as number),
      message: this.texts.text(this.messages[i] as number),
      finding: this.findings[i] as number,
    };
  }

  private grow(): void {
    const size = this.times.length * 2;
    const grown = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.times = grown(this.times, (n) => new Float64Array(n));
    this.scores = grown(this.scores, (n) => new Float64Array(n));
    this.searches = grown(this.searches, (n) => new Int32Array(n));
    this.messages = grown(this.messages, (n) => new Int32Array(n));
    this.findings = grown(this.findings, (n) => new Int32Array(n));
  }
}
