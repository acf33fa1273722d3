// The risk events an entity's ledger keeps for incident windows, as columns of numbers: a hunt
// keeps up to a million of them, and an object per risk event (with its message as a string of
// its own) was most of a long hunt's memory. Messages and search names are kept once each.
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
  private times = new Float64Array(4);
  private scores = new Float64Array(4);
  private searches = new Int32Array(4);
  private messages = new Int32Array(4);
  private findings = new Int32Array(4);

  constructor(texts: TextTable) {
    this.texts = texts;
  }

  push(c: RiskContribution): void {
    if (this.length === this.times.length) this.grow();
    const i = this.length++;
    this.times[i] = c.time;
    this.scores[i] = c.score;
    this.searches[i] = this.texts.numberOf(c.searchName);
    this.messages[i] = this.texts.numberOf(c.message);
    this.findings[i] = c.finding;
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
