// The data models as the SPL commands see them: names resolved to datasets, each able to project events.
import type { DataModelDataset, DataModelProvider, DatasetResolution } from '../../spl/index.ts';
import type { CompiledDataModel, CompiledDataset } from './compile/compile-dataset.ts';
import type { CompiledEventType } from './compile/compile-event-types.ts';
import { fieldNamesOf } from './compile/dataset-fields.ts';
import { compileProjection } from './compile/dataset-projection.ts';

export interface DataModels extends DataModelProvider {
  readonly models: readonly CompiledDataModel[];
  readonly eventTypes: readonly CompiledEventType[];
}

/**
 * `Model` is the model's root dataset when it has exactly one (`Network_Traffic` is
 * `Network_Traffic.All_Traffic`), or else the root named like the model (`Updates` is
 * `Updates.Updates`, beside `Update_Errors`); `Model.Root.Child` walks down. Names are case-sensitive, as
 * Splunk's are; a name that differs only in case is suggested.
 */
export function createDataModels(
  models: readonly CompiledDataModel[],
  eventTypes: readonly CompiledEventType[],
): DataModels {
  const byName = new Map(models.map((m) => [m.name, m]));
  const views = new Map<CompiledDataset, DataModelDataset>();
  const viewOf = (dataset: CompiledDataset): DataModelDataset => {
    let view = views.get(dataset);
    if (view === undefined) {
      view = datasetView(dataset, eventTypes, viewOf);
      views.set(dataset, view);
    }
    return view;
  };
  return {
    models,
    eventTypes,
    resolve(reference): DatasetResolution {
      const [modelName = '', ...path] = reference.split('.');
      const model = byName.get(modelName);
      if (model === undefined) {
        const near = models.find((m) => m.name.toLowerCase() === modelName.toLowerCase());
        return {
          ok: false,
          message: `unknown data model "${modelName}"`,
          notes: near
            ? [`did you mean ${near.name}?`]
            : [`data models: ${models.map((m) => m.name).join(', ')}`],
        };
      }
      if (path.length === 0) {
        const main =
          model.roots.length === 1
            ? model.roots[0]
            : model.roots.find((root) => root.name === model.name);
        if (main !== undefined) return { ok: true, dataset: viewOf(main) };
        return {
          ok: false,
          message: `data model ${model.name} has several root datasets: name one`,
          notes: [`datasets: ${model.roots.map((r) => `${model.name}.${r.name}`).join(', ')}`],
        };
      }
      let level: readonly CompiledDataset[] = model.roots;
      let found: CompiledDataset | undefined;
      for (const name of path) {
        found = level.find((d) => d.name === name);
        if (found === undefined) {
          return {
            ok: false,
            message: `data model ${model.name} has no dataset "${path.join('.')}"`,
            notes: [`datasets here: ${level.map((d) => d.name).join(', ') || 'none'}`],
          };
        }
        level = found.children;
      }
      return { ok: true, dataset: viewOf(found as CompiledDataset) };
    },
  };
}

function datasetView(
  dataset: CompiledDataset,
  eventTypes: readonly CompiledEventType[],
  viewOf: (dataset: CompiledDataset) => DataModelDataset,
): DataModelDataset {
  const prefixed = fieldNamesOf(dataset, 'prefixed');
  let root = dataset;
  while (root.parent !== undefined) root = root.parent;
  return {
    model: dataset.model,
    path: dataset.path,
    fields: new Set(prefixed.keys()),
    node(nodename) {
      const found = findNode(root, nodename.split('.'));
      return found === undefined ? undefined : viewOf(found);
    },
    project(fields, naming) {
      const names = naming === 'prefixed' ? prefixed : fieldNamesOf(dataset, 'plain');
      return compileProjection(dataset, names, fields, eventTypes);
    },
  };
}

/** `Root.Child.Grandchild` from the root; a bare dataset name is accepted when it is unique. */
function findNode(root: CompiledDataset, path: readonly string[]): CompiledDataset | undefined {
  if (path[0] === root.name) {
    let found: CompiledDataset | undefined = root;
    for (const name of path.slice(1)) {
      found = found?.children.find((d) => d.name === name);
    }
    if (found !== undefined) return found;
  }
  if (path.length !== 1) return undefined;
  const matches: CompiledDataset[] = [];
  const visit = (d: CompiledDataset): void => {
    if (d.name === path[0]) matches.push(d);
    d.children.forEach(visit);
  };
  visit(root);
  return matches.length === 1 ? matches[0] : undefined;
}
