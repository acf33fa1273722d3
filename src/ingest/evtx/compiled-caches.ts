// What decoding compiles once per thread and shares between readers: templates (and through
// them parts plans and event shapes), and event constructors.
import { TemplateCache } from './binxml/template-cache.ts';
import { clearEventConstructors } from './render/event-shape.ts';

/**
 * One template cache per thread, shared by its readers: the files of one machine's channels
 * (and of machines on the same Windows build) define the same templates, and a bounded cache
 * checked byte for byte cannot tell one reader's chunks from another's. Parts plans and event
 * shapes are keyed by compiled template, so they go when their template goes.
 */
export const sharedTemplates = new TemplateCache();

/** Forgets everything compiled (bench `evtx` times reading a file never seen before). */
export function clearCompiledCaches(): void {
  sharedTemplates.clear();
  clearEventConstructors();
}
