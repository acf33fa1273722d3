// Stable diagnostic codes of the eval compiler, its functions and the aggregates (docs/spl-semantics.md).

export const EvalCode = {
  unknownFunction: 'SPL301',
  arity: 'SPL302',
  badRegex: 'SPL303',
  badArgument: 'SPL304',
  booleanRequired: 'SPL305',
  booleanNotAllowed: 'SPL306',
  unknownAggregate: 'SPL311',
  aggregateArity: 'SPL312',
} as const;
