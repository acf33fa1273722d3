// What every reader is given and how it reports records it could not read.

export interface IngestProblem {
  /** Stable code such as `ING101` (docs/inputs.md lists them); rendered as the diagnostic code. */
  readonly code?: string;
  /** The input file (or `-` for stdin). */
  readonly path: string;
  /** `line 12`, `byte 0x1f3a`, `chunk 3 @0x11000, record 42`: where the problem is. */
  readonly location: string;
  readonly message: string;
  /** `skipped`: a record was dropped. `damaged`: read, but something in it was wrong (bad CRC). */
  readonly kind: 'skipped' | 'damaged';
}

export interface ReadOptions {
  /** Splunk index given to Windows event data (default `wineventlog`; `--index` overrides it). */
  readonly index: string;
  /**
   * Records of Splunk's summary-indexing source type `stash` (what `collect` and the ES risk
   * action write, and `spelunk hunt --risk-out`) keep the `index` they carry, as Splunk routes a
   * stash file to the index its header names. Set when the run was not given an index.
   */
  readonly stashKeepsIndex?: boolean;
  /** Whether anything downstream reads `_raw`; readers that must render it skip that work if not. */
  readonly needRaw: boolean;
  /** Replaces each event's `source` (contentctl replays attack data with the test's source). */
  readonly source?: string;
  /** Replaces each event's `sourcetype`. */
  readonly sourcetype?: string;
  /** Called for every record that was skipped or damaged; the reader carries on. */
  readonly onProblem: (problem: IngestProblem) => void;
  /**
   * Called with the bytes a reader that reads its file by position (EVTX) has consumed, for
   * progress; text readers' bytes are counted as openInputs hands them over.
   */
  readonly onFileBytes?: (bytes: number) => void;
  /** Aborts the read (Ctrl-C, a consumer that has seen enough). */
  readonly signal?: AbortSignal;
}
