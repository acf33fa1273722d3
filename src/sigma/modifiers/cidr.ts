// `cidr`: the value is an IPv4 or IPv6 network; host bits must be zero (Python `ip_network`).
import { parseIpNetwork } from '../model/ip-address.ts';
import { literalText } from '../model/sigma-string.ts';
import type { SigmaValue } from '../model/sigma-value.ts';
import {
  type ModifierContext,
  ModifierError,
  requireFirst,
  type ValueModifier,
} from './modifier.ts';

export const cidrModifier: ValueModifier = {
  scope: 'value',
  accepts: ['string'],
  apply(value: SigmaValue, context: ModifierContext): SigmaValue {
    requireFirst('cidr', context);
    if (value.kind !== 'string') return value;
    const text = literalText(value.parts);
    const network = parseIpNetwork(text);
    if (typeof network === 'string') {
      throw new ModifierError('badValue', `invalid CIDR expression: ${network}`);
    }
    return {
      kind: 'cidr',
      text,
      version: network.version,
      network: network.value,
      prefixLength: network.prefixLength,
    };
  },
};
