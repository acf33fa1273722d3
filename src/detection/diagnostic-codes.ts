// The stable diagnostic codes of the content loader (documented in docs/content.md).

export const CONTENT_CODES = {
  /** A file or directory could not be read. */
  unreadable: 'ESCU100',
  yamlSyntax: 'ESCU101',
  /** Warning: accepted the way PyYAML (contentctl) reads it, not YAML 1.2. */
  yamlPyyamlOnly: 'ESCU102',
  notAMapping: 'ESCU103',
  missingField: 'ESCU110',
  /** Warning: a field the schema does not know; ignored. */
  unknownField: 'ESCU111',
  invalidValue: 'ESCU112',
  duplicateId: 'ESCU120',
  duplicateName: 'ESCU121',
  /** Warning: `analytic_story` names a story no loaded stories/ file defines. */
  unknownStory: 'ESCU122',
  /** Warning: `data_source` names a data source no loaded data_sources/ file defines. */
  unknownDataSource: 'ESCU123',
  /** Warning: the search lacks the `<name>_filter` macro contentctl requires. */
  missingFilterMacro: 'ESCU124',
  /** Warning: an ATT&CK id the catalogue does not know, or one it marks revoked/deprecated. */
  unknownTechnique: 'ESCU125',
  /** Warning: a macro defined again by a later content directory (the later one wins). */
  macroRedefined: 'ESCU127',
  lookupFileMissing: 'ESCU130',
  lookupFileInvalid: 'ESCU131',
  /** Warning: `match_type` names a column the CSV does not have (Splunk ignores the rule). */
  lookupColumnMissing: 'ESCU132',
  /** Warning: a lookup kind that cannot exist without Splunk (KV store collection, MLTK model). */
  lookupUnavailable: 'ESCU133',
  /** Warning: a lookup defined again by a later directory (the later one wins). */
  lookupRedefined: 'ESCU134',
  /** A macros.conf line or stanza that cannot be read (file:line). */
  macroConfInvalid: 'ESCU140',
  /** An eval-based macro (`iseval = 1`): not supported. */
  macroIsEval: 'ESCU141',
  /** Warning: a test's local attack data file does not exist. */
  attackDataMissing: 'ESCU150',
} as const;
