// IPv4/IPv6 address and network parsing for `cidr` (Python `ipaddress` strictness).

export interface IpAddress {
  readonly version: 4 | 6;
  readonly value: bigint;
}

export interface IpNetwork extends IpAddress {
  readonly prefixLength: number;
}

const IPV4_OCTET = /^(?:0|[1-9][0-9]{0,2})$/;

export function parseIpv4(text: string): bigint | null {
  const octets = text.split('.');
  if (octets.length !== 4) return null;
  let value = 0n;
  for (const octet of octets) {
    // Python rejects leading zeros (ambiguous octal) since 3.9.5.
    if (!IPV4_OCTET.test(octet)) return null;
    const n = Number(octet);
    if (n > 255) return null;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

export function parseIpv6(text: string): bigint | null {
  if (text.length > 45 || text.includes('%')) return null;
  let head = text;
  let tailV4: bigint | null = null;
  const lastColon = text.lastIndexOf(':');
  if (lastColon >= 0 && text.slice(lastColon + 1).includes('.')) {
    tailV4 = parseIpv4(text.slice(lastColon + 1));
    if (tailV4 === null) return null;
    head = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const halves = head.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (s: string): string[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    return groups.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g)) ? groups : null;
  };
  const left = groupsOf(halves[0] ?? '');
  const right = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (left === null || right === null) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...left, ...Array<string>(missing).fill('0'), ...right];
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(Number.parseInt(g, 16));
  if (tailV4 !== null) value = (value & ~0xffffffffn) | tailV4;
  return value;
}

/** IPv4 as an unsigned 32-bit number, or -1: the fast path for `cidr` on event values. */
export function ipv4Number(text: string): number {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && octet === 0) return -1;
      octet = octet * 10 + (c - 48);
      if (++digits > 3 || octet > 255) return -1;
    } else return -1;
  }
  if (digits === 0 || dots !== 3) return -1;
  return value * 256 + octet;
}

export function parseIpAddress(text: string): IpAddress | null {
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4 };
  const v6 = text.includes(':') ? parseIpv6(text) : null;
  return v6 === null ? null : { version: 6, value: v6 };
}

/** `addr/prefix` (or an IPv4 netmask) with no host bits set; a message when invalid. */
export function parseIpNetwork(text: string): IpNetwork | string {
  const [addressText = '', prefixText, ...rest] = text.split('/');
  if (rest.length > 0) return `"${text}" has more than one "/"`;
  const address = parseIpAddress(addressText);
  if (address === null) return `"${addressText}" is not an IPv4 or IPv6 address`;
  const bits = address.version === 4 ? 32 : 128;
  let prefixLength = bits;
  if (prefixText !== undefined) {
    if (/^[0-9]{1,3}$/.test(prefixText)) prefixLength = Number(prefixText);
    else if (address.version === 4 && parseIpv4(prefixText) !== null) {
      const mask = parseIpv4(prefixText) ?? 0n;
      prefixLength = maskToPrefix(mask);
      if (prefixLength < 0) return `"${prefixText}" is not a valid netmask`;
    } else return `"${prefixText}" is not a valid prefix length`;
    if (prefixLength > bits) return `prefix length ${prefixLength} exceeds ${bits}`;
  }
  const hostMask = (1n << BigInt(bits - prefixLength)) - 1n;
  if ((address.value & hostMask) !== 0n) return `"${text}" has host bits set`;
  return { ...address, prefixLength };
}

function maskToPrefix(mask: bigint): number {
  let prefix = 0;
  let bit = 31;
  while (bit >= 0 && ((mask >> BigInt(bit)) & 1n) === 1n) {
    prefix++;
    bit--;
  }
  const rest = mask & ((1n << BigInt(32 - prefix)) - 1n);
  return rest === 0n ? prefix : -1;
}

export function networkContains(network: IpNetwork, address: IpAddress): boolean {
  if (network.version !== address.version) return false;
  const bits = network.version === 4 ? 32 : 128;
  const shift = BigInt(bits - network.prefixLength);
  return address.value >> shift === network.value >> shift;
}

/** Python's `str(ip_network(...))`: dotted IPv4, compressed lower-case IPv6, `/prefix`. */
export function formatNetwork(network: IpNetwork): string {
  return `${formatAddress(network)}/${network.prefixLength}`;
}

function formatAddress(address: IpAddress): string {
  if (address.version === 4) {
    return [24n, 16n, 8n, 0n].map((s) => String((address.value >> s) & 255n)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_, i) =>
    Number((address.value >> BigInt(112 - i * 16)) & 0xffffn),
  );
  // RFC 5952: compress the longest run (>= 2) of zero groups, the first one on ties.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLength < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}
