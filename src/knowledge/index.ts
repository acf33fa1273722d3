// The knowledge layer's public API: field knowledge (props/transforms) and the CIM data models.
export { createKnowledgeApplier, type KnowledgeApplier } from './apply/field-knowledge.ts';
export type { KnowledgeProgram } from './apply/knowledge-program.ts';
export {
  type CompiledKnowledge,
  type KnowledgeBase,
  NO_KNOWLEDGE,
} from './compile/compile-knowledge.ts';
export { type LoadedDataModels, loadDataModels } from './datamodels/load/load-data-models.ts';
export {
  BUILTIN_EVENT_DETAILS,
  type EventDetails,
  type EventKindDetails,
  type LoadedEventDetails,
  loadEventDetails,
} from './details/event-details.ts';
export { loadFieldKnowledge } from './load-field-knowledge.ts';
export type { KnowledgeStep } from './model/knowledge-step.ts';
