// IPv4/IPv6 addresses and CIDR subnets for lookup CIDR(<field>) matching.
import { isIP } from 'node:net';

/** An address as a big integer with its family's width. */
interface Address {
  readonly bits: 32 | 128;
  readonly value: bigint;
}

export interface Subnet {
  readonly bits: 32 | 128;
  readonly network: bigint;
  readonly prefix: number;
}

/** `10.0.0.0/8`, `fe80::/10`; a bare address is a /32 or /128. Undefined when not a subnet. */
export function parseSubnet(text: string): Subnet | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  let prefix: number = address.bits;
  if (slash >= 0) {
    const prefixText = text.slice(slash + 1).trim();
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > address.bits) return undefined;
  }
  return { bits: address.bits, network: address.value & mask(address.bits, prefix), prefix };
}

export function subnetContains(subnet: Subnet, text: string): boolean {
  const address = parseAddress(text);
  if (address === undefined || address.bits !== subnet.bits) return false;
  return (address.value & mask(subnet.bits, subnet.prefix)) === subnet.network;
}

function mask(bits: number, prefix: number): bigint {
  const all = (1n << BigInt(bits)) - 1n;
  return all ^ ((1n << BigInt(bits - prefix)) - 1n);
}

function parseAddress(raw: string): Address | undefined {
  const text = raw.trim();
  const family = isIP(text);
  if (family === 4) {
    let value = 0n;
    for (const octet of text.split('.')) value = (value << 8n) | BigInt(Number(octet));
    return { bits: 32, value };
  }
  if (family === 6) return { bits: 128, value: parseIpv6(text) };
  return undefined;
}

function parseIpv6(text: string): bigint {
  const zone = text.indexOf('%');
  let body = zone < 0 ? text : text.slice(0, zone);
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(body);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    body = `${body.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left = '', right] = body.split('::');
  const head = left === '' ? [] : left.split(':');
  const tail = right === undefined || right === '' ? [] : right.split(':');
  const fill = right === undefined ? 0 : 8 - head.length - tail.length;
  const groups = [...head, ...new Array<string>(fill).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  return value;
}
