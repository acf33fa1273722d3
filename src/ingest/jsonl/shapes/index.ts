// The JSON record shapes, tried in order on every record; `flat` takes whatever is left.
import type { JsonShape } from '../json-shape.ts';
import { ecsShape } from './ecs.ts';
import { evtxDumpShape } from './evtx-dump.ts';
import { flatShape } from './flat.ts';
import { splunkExportShape } from './splunk-export.ts';

export const JSON_SHAPES: readonly JsonShape[] = [
  splunkExportShape,
  evtxDumpShape,
  ecsShape,
  flatShape,
];
