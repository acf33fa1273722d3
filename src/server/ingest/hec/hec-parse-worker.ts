// Worker thread entry: parses the HEC bodies it is sent (hec-parse.ts) and sends back the encoded
// events with their buffers transferred, not copied. A `matcher` message sets the live Sigma rules
// its events are matched against as they are made (none: not matched), for the bodies after it.
import { parentPort } from 'node:worker_threads';
import { BatchMatcher, type SharedMatcher } from '../../detect/stream/batch-matcher.ts';
import { encodedTransferList } from '../../store/encoded-events.ts';
import { nameThisThread } from '../../thread-name.ts';
import { type HecParseRequest, parseHecBody } from './hec-parse.ts';

export type HecParseMessage =
  | { readonly kind: 'parse'; readonly id: number; readonly request: HecParseRequest }
  | { readonly kind: 'matcher'; readonly matcher: SharedMatcher | undefined };

let matcher: BatchMatcher | undefined;
nameThisThread('hec-parse');

parentPort?.on('message', (message: HecParseMessage) => {
  if (message.kind === 'matcher') {
    matcher = undefined;
    // A rule set this thread cannot open leaves its batches unmatched: the stream matches them.
    try {
      if (message.matcher !== undefined) matcher = new BatchMatcher(message.matcher);
    } catch {}
    return;
  }
  const result = parseHecBody(message.request, matcher);
  parentPort?.postMessage(
    { id: message.id, result },
    result.ok ? encodedTransferList(result.encoded) : [],
  );
});
