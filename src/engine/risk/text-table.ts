// Texts kept once each by number: risk messages repeat (`<rule> on <host>`), search names more so;
// the ledger's ContributionStore keeps a risk event's texts as these numbers.

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
