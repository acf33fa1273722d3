// `--detection NAME`: which detections and Sigma rules a workspace selects, by name or id, any case.

export class Selection {
  private readonly wanted: ReadonlySet<string>;
  private readonly names: readonly string[];
  private readonly found = new Set<string>();

  constructor(names: readonly string[]) {
    this.names = names;
    this.wanted = new Set(names.map((n) => n.toLowerCase()));
  }

  /** Whether names were given (else everything is selected). */
  get named(): boolean {
    return this.wanted.size > 0;
  }

  /** Whether a detection (or Sigma rule) is selected; remembers it as found. */
  picks(name: string, id: string | undefined): boolean {
    this.found.add(name.toLowerCase());
    if (id !== undefined) this.found.add(id.toLowerCase());
    return (
      this.wanted.size === 0 ||
      this.wanted.has(name.toLowerCase()) ||
      (id !== undefined && this.wanted.has(id.toLowerCase()))
    );
  }

  /** The names given, as text that changes when the selection does (the rule-set cache's key). */
  key(): string {
    return JSON.stringify([...this.wanted].sort());
  }

  /** The names given that matched nothing loaded. */
  unmatched(): readonly string[] {
    return this.names.filter((n) => !this.found.has(n.toLowerCase()));
  }
}
