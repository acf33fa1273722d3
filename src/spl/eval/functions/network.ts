// cidrmatch(cidr, ip): whether an IPv4 or IPv6 address lies in a CIDR block.
import { firstScalar } from '../../value/eval-value.ts';
import { type CidrBlock, cidrContains, parseCidr, parseIp } from '../../value/ip-address.ts';
import { scalarToString } from '../../value/number.ts';
import { EvalCode } from '../eval-codes.ts';
import type { CompiledArg, EvalFunctionSpec } from '../eval-types.ts';
import { defineValueFunction, evaluateArgsThen } from './define.ts';

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

/** A quad-dotted IPv4 address: four decimal integers from 0 to 255. */
function octets(value: ReturnType<typeof firstScalar>): number[] | undefined {
  if (value === undefined) return undefined;
  const parts = scalarToString(value).trim().split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) {
    return undefined;
  }
  return parts.map(Number);
}

/** ipmask(mask, ip): the IPv4 address ANDed with the mask, octet by octet; null for non-IPv4. */
export const ipmaskFunction = defineValueFunction({
  name: 'ipmask',
  minArgs: 2,
  maxArgs: 2,
  returns: 'string',
  summary: 'ipmask("255.255.255.0", ip): the IPv4 address with the mask applied',
  apply: ([m, ip]) => {
    const mask = octets(firstScalar(m));
    const address = octets(firstScalar(ip));
    if (mask === undefined || address === undefined) return undefined;
    return address.map((o, i) => o & (mask[i] as number)).join('.');
  },
});
