// Stable diagnostic codes of the data-model layer (docs/datamodels.md lists them).

export const DATAMODEL_CODES = {
  /** A data-model mapping path does not exist or cannot be read. */
  unreadable: 'DMD001',
  /** A file given that is not a mapping file (`.yml`, `.yaml`). */
  unknownFile: 'DMD002',
  /** The YAML does not parse, or does not have the documented shape. */
  yamlSyntax: 'DMD101',
  yamlShape: 'DMD102',
  /** An event type search that does not parse or compile. */
  badSearch: 'DMD201',
  /** A field expression of an event type that does not parse or compile. */
  badField: 'DMD202',
  /** An event type defined twice: the later one wins (warning). */
  duplicateEventType: 'DMD204',
  /** A data model definition (built-in or user) whose constraint or calculated field does not compile. */
  badDefinition: 'DMD205',
} as const;
