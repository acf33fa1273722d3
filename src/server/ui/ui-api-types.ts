// The web UI API's answers as types with no imports: the server (src/server/ui/) writes them and
// the browser code (ui/src/) reads them, both from this one file.

export interface EditorDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  /** UTF-16 offsets into the search text; the whole text when the problem lies inside a macro. */
  readonly from: number;
  readonly to: number;
  /** Where a problem inside a macro's definition is (`macro sysmon (macros/sysmon.yml:3)`). */
  readonly where?: string;
}

export interface ParseAnswer {
  readonly diagnostics: readonly EditorDiagnostic[];
  /**
   * The events' time window the search reads (its own earliest=/latest= over the range given),
   * epoch seconds, when it compiles; an open side is left out. The histogram's axis.
   */
  readonly bounds?: { readonly earliest?: number; readonly latest?: number };
}

export interface EditorVocabulary {
  readonly commands: readonly string[];
  readonly evalFunctions: readonly string[];
  readonly statsFunctions: readonly string[];
  readonly macros: readonly { readonly name: string; readonly args: readonly string[] }[];
}

export interface ContentTechnique {
  readonly id: string;
  readonly name: string;
  readonly tactics: readonly string[];
}

export interface ContentDetection {
  readonly kind: 'spl' | 'sigma';
  readonly name: string;
  /** The saved search it runs as: `ESCU - <name> - Rule`, `Sigma - <title>`. */
  readonly savedSearch: string;
  readonly id: string | null;
  readonly type: string;
  readonly level: string | null;
  readonly enabled: boolean;
  readonly description: string;
  readonly search: string | null;
  readonly techniques: readonly ContentTechnique[];
  readonly dataSources: readonly string[];
  readonly tests: readonly { name: string; kind: string; attackData: readonly string[] }[];
  readonly drilldowns: readonly {
    name: string;
    search: string;
    earliest: string | null;
    latest: string | null;
  }[];
  readonly file: string;
}

export interface ContentAnswer {
  readonly detections: readonly ContentDetection[];
  /** Every technique of a full ATT&CK catalogue the user gave; empty with the built-in table. */
  readonly matrix: readonly ContentTechnique[];
  /** Where the technique names come from (`built-in table`, a file). */
  readonly catalog: string;
  readonly tactics: readonly string[];
}
