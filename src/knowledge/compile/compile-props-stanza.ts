// Compiles one (layered) props.conf stanza: its spec, its priority, and each search-time class into steps.
import { type Diagnostic, warning } from '../../core/index.ts';
import type { EvalClock, LookupProvider } from '../../spl/index.ts';
import { KNOWLEDGE_CODES } from '../knowledge-codes.ts';
import type { KnowledgeStep } from '../model/knowledge-step.ts';
import { parseStanzaSpec, type StanzaSpec } from '../model/stanza-spec.ts';
import type { KnowledgeSetting } from '../source/knowledge-text.ts';
import { compileAlias } from './compile-alias.ts';
import { compileEval } from './compile-eval.ts';
import { compileExtract } from './compile-extract.ts';
import { compileLookup } from './compile-lookup.ts';
import { compileReport, type TransformLookup } from './compile-report.ts';
import type { LayeredStanza } from './layer-stanzas.ts';
import { keyWarning, valueError, valueWarning } from './setting-diagnostics.ts';
import {
  classOfSetting,
  type KnowledgeClassKind,
  PROPS_ACCEPTED,
  PROPS_INDEX_TIME,
  PROPS_INDEX_TIME_PREFIXES,
} from './setting-tables.ts';

/** One search-time setting of a stanza (`EVAL-dest`), compiled. */
export interface KnowledgeClass {
  /** The merge key: the setting name (LOOKUP spellings normalised to `LOOKUP-<class>`). */
  readonly key: string;
  readonly kind: KnowledgeClassKind;
  /** The `<class>` part, which orders classes of one kind (ASCII, as Splunk does). */
  readonly name: string;
  readonly steps: readonly KnowledgeStep[];
}

export interface CompiledStanza {
  readonly name: string;
  readonly spec: StanzaSpec;
  /** `priority`, else 100 for a literal name and 0 for a pattern (props.conf.spec). */
  readonly priority: number;
  /** Order of first appearance across the loaded files. */
  readonly order: number;
  readonly classes: ReadonlyMap<string, KnowledgeClass>;
}

export interface StanzaCompileContext {
  readonly transformFor: TransformLookup;
  readonly lookups: LookupProvider;
  readonly clock: EvalClock | undefined;
}

/** KV_MODE values whose work the structured readers already do (or that disable it). */
const KV_MODES_DONE = new Set(['none', 'xml', 'json']);

export function compilePropsStanza(
  stanza: LayeredStanza,
  context: StanzaCompileContext,
  diagnostics: Diagnostic[],
): CompiledStanza | undefined {
  const parsedSpec = parseStanzaSpec(stanza.name);
  if (!parsedSpec.ok) {
    diagnostics.push(
      warning(
        KNOWLEDGE_CODES.badStanza,
        `stanza [${stanza.name}] is not used: ${parsedSpec.reason}`,
        {
          source: stanza.source,
          span: stanza.nameSpan,
        },
      ),
    );
    return undefined;
  }
  const spec = parsedSpec.spec;
  let priority = spec.literal ? 100 : 0;
  const classes = new Map<string, KnowledgeClass>();
  const indexTime: KnowledgeSetting[] = [];
  for (const [key, setting] of stanza.settings) {
    const cls = classOfSetting(key);
    if (cls !== undefined) {
      const steps = compileClass(cls.kind, cls.name, setting, context, diagnostics);
      const normalised = cls.kind === 'LOOKUP' ? `LOOKUP-${cls.name}` : key;
      if (steps !== undefined) classes.set(normalised, { key: normalised, ...cls, steps });
    } else if (key === 'priority') {
      const value = Number(setting.value);
      if (setting.value.trim() === '' || !Number.isInteger(value)) {
        diagnostics.push(
          valueError(KNOWLEDGE_CODES.badValue, 'priority must be an integer', setting),
        );
      } else {
        priority = value;
      }
    } else if (key === 'KV_MODE') {
      if (!KV_MODES_DONE.has(setting.value.trim().toLowerCase())) {
        diagnostics.push(
          valueWarning(
            KNOWLEDGE_CODES.unsupportedSetting,
            `KV_MODE = ${setting.value} is not run: spelunk does no automatic key=value extraction from _raw (the readers extract each format's structured fields)`,
            setting,
          ),
        );
      }
    } else if (key === 'rename') {
      diagnostics.push(
        keyWarning(
          KNOWLEDGE_CODES.unsupportedSetting,
          'sourcetype renaming is not supported',
          setting,
        ),
      );
    } else if (
      PROPS_INDEX_TIME.has(key) ||
      PROPS_INDEX_TIME_PREFIXES.some((p) => key.startsWith(p))
    ) {
      indexTime.push(setting);
    } else if (!PROPS_ACCEPTED.has(key)) {
      diagnostics.push(
        keyWarning(
          KNOWLEDGE_CODES.unknownSetting,
          `unknown props.conf setting "${key}" is ignored`,
          setting,
        ),
      );
    }
  }
  const firstIndexTime = indexTime[0];
  if (firstIndexTime !== undefined) {
    diagnostics.push(
      keyWarning(
        KNOWLEDGE_CODES.indexTimeSetting,
        `[${stanza.name}]: ${indexTime.length} index-time setting(s) do not change what a search sees and are ignored: ${indexTime.map((s) => s.key).join(', ')}`,
        firstIndexTime,
      ),
    );
  }
  return { name: stanza.name, spec, priority, order: stanza.order, classes };
}

function compileClass(
  kind: KnowledgeClassKind,
  name: string,
  setting: KnowledgeSetting,
  context: StanzaCompileContext,
  diagnostics: Diagnostic[],
): readonly KnowledgeStep[] | undefined {
  switch (kind) {
    case 'FIELDALIAS': {
      const result = compileAlias(setting, name);
      if (result.ok) return result.steps;
      diagnostics.push(...result.diagnostics);
      return undefined;
    }
    case 'EVAL': {
      const result = compileEval(setting, name, context.clock);
      if (result.ok) return [result.step];
      diagnostics.push(...result.diagnostics);
      return undefined;
    }
    case 'EXTRACT': {
      const result = compileExtract(setting, name);
      if (result.ok) return [result.step];
      diagnostics.push(...result.diagnostics);
      return undefined;
    }
    case 'REPORT': {
      const result = compileReport(setting, name, context.transformFor);
      if (result.ok) return result.steps;
      diagnostics.push(...result.diagnostics);
      return undefined;
    }
    case 'LOOKUP': {
      const result = compileLookup(setting, name, context.lookups);
      if (result.ok) return [result.step];
      diagnostics.push(...result.diagnostics);
      return undefined;
    }
  }
}
