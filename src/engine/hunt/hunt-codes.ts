// The stable diagnostic codes of `spelunk hunt` and `spelunk test` (documented in docs/hunt.md, docs/testing-detections.md).

export const HUNT_CODES = {
  /** Warning: a detection's index/source/sourcetype filter matched none of the events read. */
  filterMatchesNoInput: 'HUNT001',
  /** Warning: Sigma rules whose logsource channels none of the events read has. */
  sigmaChannelsAbsent: 'HUNT002',
  /** Warning: a detection returned more findings than the report keeps. */
  findingsNotKept: 'HUNT003',
  /** Error: a detection stopped with an internal error; the other detections ran on. */
  detectionFailed: 'HUNT004',
  /** Warning: a detection named with --detection is disabled and does not run. */
  detectionDisabled: 'HUNT005',
  /** Warning: findings with no time (no _time or lastTime, no event with a time read). */
  findingsUntimed: 'HUNT006',
  /** Warning: the Sigma matching worker stopped; the main thread matched the rest. */
  sigmaThreadStopped: 'HUNT007',
  /** Error: --detection names no loaded detection or Sigma rule. */
  unknownDetection: 'HUNT010',
  /** Error: there is nothing to run (no enabled detection, no active Sigma rule). */
  nothingToRun: 'HUNT011',
  /** Warning: more risk events than the incident window keeps; totals stay exact. */
  riskEventsNotKept: 'HUNT020',
  /** Warning: the regex-safety verdict cache could not be read; the regexes are analysed again. */
  regexCacheIgnored: 'HUNT030',
  /** Warning: the regex-safety verdict cache could not be written. */
  regexCacheNotWritten: 'HUNT031',
} as const;
