// Worker thread entry of the detect role's Sigma matcher (sigma-matcher.ts): requests in, replies
// out, in order.
import { parentPort } from 'node:worker_threads';
import { nameThisThread } from '../../thread-name.ts';
import type { MatcherRequest } from './sigma-match-protocol.ts';
import { SigmaMatcher } from './sigma-matcher.ts';

nameThisThread('sigma-match');
const matcher = new SigmaMatcher();
parentPort?.on('message', (request: MatcherRequest) => {
  const reply = matcher.handle(request);
  if (reply !== undefined) parentPort?.postMessage(reply);
});
