// The normalised detection: one typed shape for the 2024, contentctl 5 and 2026 ESCU YAML files.
import type { Diagnostic, SourceText, Span } from '../../core/index.ts';
import type { DETECTION_STATUSES, DETECTION_TYPES } from '../schema/detection-schema.ts';

export type DetectionType = (typeof DETECTION_TYPES)[number];
export type DetectionStatus = (typeof DETECTION_STATUSES)[number];

/** Which YAML generation the file was written in (decided by where it declares risk). */
export type DetectionShape = 'escu-2024' | 'contentctl-5' | 'escu-2026';

/** Splunk ES `risk_object_type`. */
export type RiskObjectType = 'system' | 'user' | 'other';

/** A result field that becomes a risk event (ES `index=risk`) when the detection fires. */
export interface RiskEntity {
  readonly field: string;
  readonly type: RiskObjectType;
  readonly score: number;
  /** The risk message with its `$field$` tokens still in place. */
  readonly message: string;
}

/** A result field recorded with each risk event as the threat (a process, a domain, ...). */
export interface ThreatObject {
  readonly field: string;
  /** contentctl ThreatObjectType (`process`, `domain`, ...); the 2024 shape may hold others. */
  readonly type: string;
}

export interface AttackTechnique {
  /** `T1219.001` */
  readonly id: string;
  /** From the ATT&CK catalogue, when it knows the id. */
  readonly name: string | undefined;
  /** Tactic names (`Command and Control`), from the catalogue; empty when it does not know the id. */
  readonly tactics: readonly string[];
}

export interface DrilldownSearch {
  readonly name: string;
  /** With its `$field$` tokens and `%original_detection_search%` still in place. */
  readonly search: string;
  readonly earliestOffset: string | undefined;
  readonly latestOffset: string | undefined;
}

/** Where a test's `data` lives: a URL (mapped to a local mirror by the runner) or a local file. */
export type AttackDataLocation =
  | {
      readonly kind: 'url';
      readonly url: string;
      /** The URL's host and path, to be looked up under a data directory (docs/content.md). */
      readonly mirrorPath: string;
    }
  | { readonly kind: 'file'; readonly path: string };

export interface AttackData {
  /** As written in the YAML. */
  readonly data: string;
  readonly location: AttackDataLocation;
  /** Replayed events take this source and sourcetype, whatever the file says (contentctl). */
  readonly source: string;
  readonly sourcetype: string;
  readonly customIndex: string | undefined;
  readonly host: string | undefined;
}

/** `benign` is spelunk's extension: it expects no results at all. */
export type TestKind = 'unit' | 'integration' | 'manual' | 'benign';

export interface DetectionTest {
  readonly name: string;
  readonly kind: TestKind;
  /** True for unit/integration/manual tests (at least one result); false for benign tests. */
  readonly expectsResults: boolean;
  readonly attackData: readonly AttackData[];
  readonly earliestTime: string | undefined;
  readonly latestTime: string | undefined;
}

/**
 * When a server runs the detection as a scheduled saved search: its inline `deployment.scheduling`
 * (contentctl), each part absent when the detection does not set it (its type's default applies).
 */
export interface DetectionSchedule {
  readonly cronSchedule: string | undefined;
  readonly earliestTime: string | undefined;
  readonly latestTime: string | undefined;
}

/** contentctl `tags.throttling`: results with the same values of `fields` alert once per `periodSeconds`. */
export interface DetectionThrottling {
  readonly fields: readonly string[];
  readonly periodSeconds: number;
}

/** Why a loaded detection will not run. */
export interface DisabledReason {
  readonly code: DisabledCode;
  /** What `spelunk validate` groups its summary by: `unsupported command "tstats"`. */
  readonly group: string;
  /** The full reason, one line. */
  readonly message: string;
  /** The engine's or parser's diagnostic behind it, placed in the YAML file. */
  readonly diagnostic?: Diagnostic;
}

export type DisabledCode =
  | 'deprecated'
  | 'search-does-not-parse'
  | 'unsupported-command'
  | 'unsupported-search';

/** Where a detection came from, to locate problems found later (by the engine as well). */
export interface DetectionOrigin {
  /** The content directory it was loaded from. */
  readonly contentDir: string;
  readonly file: SourceText;
  /** The `search:` value in the file, when it can be mapped back character by character. */
  readonly searchSpan: Span | undefined;
  /** Maps an offset in `search` to an offset in the file, when the value maps back exactly. */
  readonly searchToFile: ((offset: number) => number) | undefined;
}

export interface Detection {
  readonly name: string;
  readonly id: string;
  readonly version: number;
  readonly type: DetectionType;
  readonly status: DetectionStatus;
  readonly shape: DetectionShape;
  readonly author: string;
  /** `date`, or `modification_date` in the 2026 shape. */
  readonly date: string | undefined;
  readonly description: string;
  readonly search: string;
  readonly dataSources: readonly string[];
  readonly howToImplement: string;
  readonly knownFalsePositives: string;
  readonly references: readonly string[];
  readonly techniques: readonly AttackTechnique[];
  readonly analyticStories: readonly string[];
  readonly assetType: string | undefined;
  readonly securityDomain: string | undefined;
  /** The detection-wide risk message (2024 `tags.message`, contentctl 5 `rba.message`). */
  readonly riskMessage: string | undefined;
  readonly riskEntities: readonly RiskEntity[];
  readonly threatObjects: readonly ThreatObject[];
  readonly drilldowns: readonly DrilldownSearch[];
  readonly tests: readonly DetectionTest[];
  /** contentctl `manual_test`: its tests are skipped with this reason. */
  readonly manualTest: string | undefined;
  /** Its own `deployment.scheduling`, when it has one. */
  readonly schedule?: DetectionSchedule;
  readonly throttling?: DetectionThrottling;
  /** The `<name>_filter` macro contentctl derives from the name. */
  readonly filterMacro: string;
  readonly enabled: boolean;
  /** Present exactly when `enabled` is false. */
  readonly disabled: DisabledReason | undefined;
  readonly origin: DetectionOrigin;
}
