// The stable diagnostic codes of the Sigma layer (documented in docs/sigma.md).

export const SIGMA_CODES = {
  /** YAML syntax error reported by the parser. */
  yamlSyntax: 'SIGMA001',
  /** A YAML feature Sigma files may not use (unknown tag, non-scalar key). */
  yamlUnsupported: 'SIGMA002',
  /** A key appears twice in one mapping; PyYAML keeps the last one, so do we. */
  duplicateKey: 'SIGMA003',
  /** The file could not be read. */
  unreadableFile: 'SIGMA004',
  /** A document is neither a rule, a correlation nor a filter. */
  unknownDocument: 'SIGMA010',
  /** A required attribute is missing or has the wrong type. */
  badAttribute: 'SIGMA011',
  /** Legacy v1 `action:` documents used wrongly. */
  badAction: 'SIGMA012',
  /** Attribute value outside its allowed set (status, level). */
  badEnum: 'SIGMA013',
  /** The detection section is malformed. */
  badDetection: 'SIGMA020',
  /** Unknown value modifier. */
  unknownModifier: 'SIGMA021',
  /** A modifier applied to a value it does not accept, or in a forbidden position. */
  badModifier: 'SIGMA022',
  /** A value the modifier chain cannot produce (bad regex, bad CIDR, wildcard in base64). */
  badValue: 'SIGMA023',
  /** Condition syntax error. */
  conditionSyntax: 'SIGMA030',
  /** Condition refers to an identifier that is not defined. */
  unknownIdentifier: 'SIGMA031',
  /** `1 of x*` / `all of x*` matches no identifier. */
  emptySelector: 'SIGMA032',
  /** Deprecated aggregation (`| count() by`) or `near` in a condition. */
  deprecatedAggregation: 'SIGMA033',
  /** Correlation rule problems (type, timespan, condition, references). */
  badCorrelation: 'SIGMA040',
  /** A correlation or filter refers to a rule that is not loaded. */
  unknownRuleReference: 'SIGMA041',
  /** Correlation type with no defined semantics (value_percentile, value_median). */
  unsupportedCorrelation: 'SIGMA042',
  /** Filter (meta filter) problems. */
  badFilter: 'SIGMA045',
  /** Two rules share an id or a name. */
  duplicateRuleId: 'SIGMA046',
  /** `%placeholder%` of an `expand` modifier has no configured value. */
  unresolvedPlaceholder: 'SIGMA050',
  /** The rule's logsource has no entry in the logsource mapping: it cannot run. */
  unmappedLogsource: 'SIGMA051',
  /** A regular expression the engine refuses (syntax, or super-linear without a safe engine). */
  unsupportedRegex: 'SIGMA052',
  /** Logsource mapping file problems. */
  badMapping: 'SIGMA060',
  /** Placeholder file problems. */
  badPlaceholders: 'SIGMA061',
  /** The compiled rule-set cache could not be read back (corrupt, truncated): ignored. */
  cacheIgnored: 'SIGMA080',
  /** The compiled rule set could not be written to the cache folder. */
  cacheNotWritten: 'SIGMA081',
  /** Conversion to SPL impossible for this construct (as pySigma's Splunk backend refuses it). */
  splUnsupported: 'SIGMA070',
} as const;
