// Cryptographic hash functions: md5, sha1, sha256, sha512 of the UTF-8 text, as lower-case hex.
import { createHash } from 'node:crypto';
import { firstScalar } from '../../value/eval-value.ts';
import { scalarToString } from '../../value/number.ts';
import { defineValueFunction } from './define.ts';

function hashFunction(name: string, algorithm: string) {
  return defineValueFunction({
    name,
    minArgs: 1,
    maxArgs: 1,
    returns: 'string',
    summary: `${name}(X): the ${name.toUpperCase()} hash of X, hex`,
    apply: ([x]) => {
      const v = firstScalar(x);
      return v === undefined
        ? undefined
        : createHash(algorithm).update(scalarToString(v), 'utf8').digest('hex');
    },
  });
}

export const md5Function = hashFunction('md5', 'md5');
export const sha1Function = hashFunction('sha1', 'sha1');
export const sha256Function = hashFunction('sha256', 'sha256');
export const sha512Function = hashFunction('sha512', 'sha512');
