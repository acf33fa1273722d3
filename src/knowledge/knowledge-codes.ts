// Stable diagnostic codes of the field-knowledge layer (docs/field-knowledge.md lists them).

export const KNOWLEDGE_CODES = {
  /** A props/transforms path does not exist or cannot be read. */
  unreadable: 'KNO001',
  /** A file in a knowledge directory or given by `--props` is not props/transforms/YAML. */
  unknownFile: 'KNO002',

  /** A .conf line is neither `[stanza]`, `key = value`, a comment nor blank. */
  confSyntax: 'KNO101',
  /** The YAML does not parse, or does not have the documented shape. */
  yamlSyntax: 'KNO102',
  yamlShape: 'KNO103',

  /** A setting spelunk does not know in this file kind (a typo, or a newer Splunk setting). */
  unknownSetting: 'KNO201',
  /** An index-time or input setting: it changes how Splunk indexes, not what a search sees. */
  indexTimeSetting: 'KNO202',
  /** A search-time setting spelunk does not run (KV_MODE other than none, DELIMS, ...). */
  unsupportedSetting: 'KNO203',
  /** A stanza name spelunk cannot match (`rule::`, `delayedrule::`, a bad pattern). */
  badStanza: 'KNO204',
  /** A value that is not valid for its setting (a boolean, a priority). */
  badValue: 'KNO205',

  badAlias: 'KNO211',
  badEval: 'KNO212',
  badExtract: 'KNO213',
  badReport: 'KNO214',
  badLookup: 'KNO215',

  /** A REPORT names a transforms.conf stanza that no loaded file defines. */
  unknownTransform: 'KNO301',
  badRegex: 'KNO302',
  badFormat: 'KNO303',
  /** REPEAT_MATCH is an index-time setting; search-time extractions already repeat. */
  repeatMatch: 'KNO304',
} as const;
