// cidrmatch(cidr, ip): whether an IPv4 or IPv6 address lies in a CIDR block.
import { firstScalar } from '../../value/eval-value.ts';
import { type CidrBlock, cidrContains, parseCidr, parseIp } from '../../value/ip-address.ts';
import { scalarToString } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { evaluateArgsThen } from './define.ts';

/** False for a value that is not an address; null when either argument is null. */
export const cidrmatchFunction: EvalFunctionSpec = {
  name: 'cidrmatch',
  minArgs: 2,
  maxArgs: 2,
  returns: 'boolean',
  pure: true,
  summary: 'cidrmatch("10.0.0.0/8", ip): true when ip is in the block (IPv4 or IPv6)',
  compile: (site) => {
    const cidrArg = site.args[0] as CompiledArg;
    let fixed: CidrBlock | undefined;
    if (cidrArg.constant && typeof cidrArg.constant.value === 'string') {
      fixed = parseCidr(cidrArg.constant.value);
      if (!fixed)
        site.fail(
          EvalCode.badArgument,
          `"${cidrArg.constant.value}" is not a CIDR block`,
          cidrArg.expr.span,
        );
    }
    return evaluateArgsThen(site, ([c, ip]) => {
      const block = fixed ?? parseCidr(scalarToString(firstScalar(c) ?? ''));
      if (c === undefined || ip === undefined) return undefined;
      if (!block) return false;
      const test = (v: string | number) => {
        const address = parseIp(scalarToString(v).trim());
        return address !== undefined && cidrContains(block, address);
      };
      if (typeof ip === 'boolean') return undefined;
      return typeof ip === 'object' ? ip.some(test) : test(ip);
    });
  },
};
