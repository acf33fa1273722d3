// The store as the Sigma stream's unit tests give it: empty, and the stream ran over it before
// (so partitions without a position would be new: there are none).
import { STREAM_STARTED_KEY } from '../../../src/server/detect/stream/stream-position.ts';

export const streamStoreFake = {
  checkpoint: async (key: string) =>
    key === STREAM_STARTED_KEY ? { key, position: 0, complete: true, detail: '' } : undefined,
  checkpoints: async () => [],
  partitionRows: () => [],
  readRows: () => (async function* () {})(),
  query: () => (async function* () {})(),
  setting: async () => undefined,
  putSetting: async () => {},
};
