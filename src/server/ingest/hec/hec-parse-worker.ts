// Worker thread entry: parses the HEC bodies it is sent (hec-parse.ts) and sends back the encoded
// events with their buffers transferred, not copied.
import { parentPort } from 'node:worker_threads';
import { encodedTransferList } from '../../store/encoded-events.ts';
import { type HecParseRequest, parseHecBody } from './hec-parse.ts';

parentPort?.on('message', (message: { id: number; request: HecParseRequest }) => {
  const result = parseHecBody(message.request);
  parentPort?.postMessage(
    { id: message.id, result },
    result.ok ? encodedTransferList(result.encoded) : [],
  );
});
