// What the content loader returns: every detection, macro, lookup, story, data source and baseline.
import type { Diagnostic } from '../../core/index.ts';
import type { DataModelProvider, LookupStore, MacroLibrary, Plan } from '../../spl/index.ts';
import type { Detection } from './detection.ts';

export interface Story {
  readonly name: string;
  readonly id: string;
  readonly description: string;
  readonly narrative: string;
  readonly references: readonly string[];
  readonly category: readonly string[];
  readonly usecase: string | undefined;
  /** Names of the loaded detections that list this story. */
  readonly detections: readonly string[];
  readonly file: string;
}

export interface DataSource {
  readonly name: string;
  readonly id: string;
  readonly source: string;
  readonly sourcetype: string;
  readonly fields: readonly string[];
  readonly file: string;
}

/** A baseline search fills a lookup on a schedule; recognised and listed, never run. */
export interface Baseline {
  readonly name: string;
  readonly id: string;
  readonly search: string;
  readonly file: string;
}

export const CONTENT_KINDS = [
  'detection',
  'macro',
  'lookup',
  'story',
  'data_source',
  'baseline',
] as const;
export type ContentKind = (typeof CONTENT_KINDS)[number];

export interface FileCount {
  /** Files that were read and passed their schema (warnings allowed). */
  readonly loaded: number;
  /** Files with at least one error; nothing from them is used. */
  readonly failed: number;
}

export interface ContentPack {
  /** The content directories, in the order given. */
  readonly roots: readonly string[];
  readonly detections: readonly Detection[];
  /**
   * Each detection's search compiled once, by detection id: every detection whose search
   * compiles (enabled ones, and deprecated ones), with the pack's macros, lookups and data models.
   */
  readonly plans: ReadonlyMap<string, Plan>;
  /**
   * The content's macros (`name`, or `name(n)` with n arguments; a later directory wins) plus the
   * SPL front end's built-ins: what every search of the pack is expanded with.
   */
  readonly macros: MacroLibrary;
  /** Lookup definitions and their CSV files, ready for the SPL engine's `lookup` command. */
  readonly lookups: LookupStore;
  /** The data models its searches were compiled with (`loadContent`'s `dataModels`), if any. */
  readonly dataModels?: DataModelProvider;
  readonly stories: readonly Story[];
  readonly dataSources: readonly DataSource[];
  readonly baselines: readonly Baseline[];
  readonly files: Readonly<Record<ContentKind, FileCount>>;
  /** Every problem found, in file order; errors mean something was not loaded. */
  readonly diagnostics: readonly Diagnostic[];
}
