// Which props.conf / transforms.conf settings are search-time knowledge, which are index-time, which are unsupported.

/** The search-time classes spelunk runs, by the prefix of the setting name. */
export type KnowledgeClassKind = 'EXTRACT' | 'REPORT' | 'FIELDALIAS' | 'EVAL' | 'LOOKUP';

/**
 * `EXTRACT-x`, `REPORT-x`, `FIELDALIAS-x`, `EVAL-x`; LOOKUP's prefix is case-insensitive and may
 * be `LOOKUP-`, `LOOKUP_` or `LOOKUP` alone (props.conf.spec, LOOKUP-<class>).
 */
export function classOfSetting(
  key: string,
): { readonly kind: KnowledgeClassKind; readonly name: string } | undefined {
  const dash = key.indexOf('-');
  if (dash > 0) {
    const prefix = key.slice(0, dash);
    if (prefix === 'EXTRACT' || prefix === 'REPORT' || prefix === 'FIELDALIAS' || prefix === 'EVAL')
      return { kind: prefix, name: key.slice(dash + 1) };
  }
  const lookup = /^lookup[-_]?(.*)$/i.exec(key);
  if (lookup) return { kind: 'LOOKUP', name: lookup[1] ?? '' };
  return undefined;
}

/** props.conf settings that act at input or index time: they never change what a search sees. */
export const PROPS_INDEX_TIME = new Set([
  'CHARSET',
  'TRUNCATE',
  'LINE_BREAKER',
  'LINE_BREAKER_LOOKBEHIND',
  'SHOULD_LINEMERGE',
  'BREAK_ONLY_BEFORE_DATE',
  'BREAK_ONLY_BEFORE',
  'MUST_BREAK_AFTER',
  'MUST_NOT_BREAK_AFTER',
  'MUST_NOT_BREAK_BEFORE',
  'MAX_EVENTS',
  'ROUTE_EVENTS_OLDER_THAN',
  'EVENT_BREAKER_ENABLE',
  'EVENT_BREAKER',
  'LB_CHUNK_BREAKER',
  'LB_CHUNK_BREAKER_TRUNCATE',
  'DATETIME_CONFIG',
  'TIME_PREFIX',
  'MAX_TIMESTAMP_LOOKAHEAD',
  'TIME_FORMAT',
  'TZ',
  'TZ_ALIAS',
  'MAX_DAYS_AGO',
  'MAX_DAYS_HENCE',
  'MAX_DIFF_SECS_AGO',
  'MAX_DIFF_SECS_HENCE',
  'ADD_EXTRA_TIME_FIELDS',
  'INDEXED_EXTRACTIONS',
  'METRICS_PROTOCOL',
  'PREAMBLE_REGEX',
  'FIELD_HEADER_REGEX',
  'HEADER_FIELD_LINE_NUMBER',
  'HEADER_FIELD_DELIMITER',
  'HEADER_FIELD_QUOTE',
  'FIELD_DELIMITER',
  'FIELD_QUOTE',
  'FIELD_NAMES',
  'TIMESTAMP_FIELDS',
  'MISSING_VALUE_REGEX',
  'JSON_TRIM_BRACES_IN_ARRAY_NAMES',
  'CHECK_FOR_HEADER',
  'SEGMENTATION',
  'ANNOTATE_PUNCT',
  'NO_BINARY_CHECK',
  'DETERMINE_TIMESTAMP_DATE_WITH_SYSTEM_TIME',
  'LEARN_SOURCETYPE',
  'LEARN_MODEL',
  'CHECK_METHOD',
  'initCrcLength',
  'PREFIX_SOURCETYPE',
  'sourcetype',
  'given_type',
  'invalid_cause',
  'is_valid',
  'unarchive_cmd',
  'unarchive_cmd_start_mode',
  'detect_trailing_nulls',
  'maxDist',
  'category',
  'description',
  'pulldown_type',
  'termFrequencyWeightedDist',
  'HEADER_MODE',
  'METRIC-SCHEMA-TRANSFORMS',
]);

/** Prefixed props.conf index-time settings (`TRANSFORMS-x`, `SEDCMD-x`, ...). */
export const PROPS_INDEX_TIME_PREFIXES = [
  'TRANSFORMS-',
  'SEDCMD-',
  'RULESET-',
  'RULESET_DESC-',
  'SEGMENTATION-',
  'MORE_THAN',
  'LESS_THAN',
  'STATSD-DIM-TRANSFORMS',
];

/** props.conf search-time settings that change nothing spelunk computes. */
export const PROPS_ACCEPTED = new Set([
  'priority',
  'KV_MODE',
  'AUTO_KV_JSON',
  'KV_TRIM_SPACES',
  'MATCH_LIMIT',
  'DEPTH_LIMIT',
  'show_linecount',
]);

/** transforms.conf settings of search-time extractions that spelunk runs. */
export const TRANSFORM_EXTRACTION = new Set([
  'REGEX',
  'FORMAT',
  'SOURCE_KEY',
  'MV_ADD',
  'CLEAN_KEYS',
  'KEEP_EMPTY_VALS',
  'REPEAT_MATCH',
  'CAN_OPTIMIZE',
  'MATCH_LIMIT',
  'DEPTH_LIMIT',
]);

/** transforms.conf settings of lookup definitions (read by the lookup layer). */
export const TRANSFORM_LOOKUP = new Set([
  'filename',
  'collection',
  'external_cmd',
  'external_type',
  'fields_list',
  'index_fields_list',
  'match_type',
  'case_sensitive_match',
  'reverse_lookup_honor_case_sensitive_match',
  'max_matches',
  'min_matches',
  'default_match',
  'time_field',
  'time_format',
  'max_offset_secs',
  'min_offset_secs',
  'batch_index_query',
  'allow_caching',
  'cache_size',
  'filter',
  'feature_id_element',
  'check_permission',
  'replicate',
  'python.version',
]);

/** transforms.conf settings that act at index time only. */
export const TRANSFORM_INDEX_TIME = new Set([
  'DEST_KEY',
  'WRITE_META',
  'DEFAULT_VALUE',
  'LOOKAHEAD',
  'INGEST_EVAL',
  'CLONE_SOURCETYPE',
  'STOP_PROCESSING_IF',
]);

/** transforms.conf search-time settings spelunk does not run. */
export const TRANSFORM_UNSUPPORTED = new Set(['DELIMS', 'FIELDS']);
