// Stable diagnostic codes of tstats, datamodel and from datamodel (docs/datamodels.md lists them).

export const TstatsCode = {
  /** An unknown data model, dataset or `nodename`. */
  unknownDataset: 'SPL540',
  /** tstats over index-time fields of an index or namespace (no `FROM datamodel=`). */
  notDataModel: 'SPL541',
  /** A bare term in tstats' WHERE: it would search raw text, which a data model does not hold. */
  rawTerm: 'SPL542',
  /** Warning: a field the dataset does not define; it is always null. */
  unknownField: 'SPL543',
  /** An argument tstats does not take: `eval(...)` in an aggregation, nodename outside the top-level AND. */
  badArgument: 'SPL544',
  /** A datamodel command mode spelunk does not produce (the model's JSON, the acceleration search). */
  unsupportedMode: 'SPL545',
} as const;
