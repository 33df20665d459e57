/**
 * Server-side request forgery guard: a webhook URL must not reach the shop's own network. Every address the host
 * resolves to is checked (IPv4, IPv6 and IPv4-mapped IPv6 such as ::ffff:127.0.0.1); WEBHOOKS_ALLOW_PRIVATE=1 lifts
 * the rule for tests and on-premise receivers.
 */
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export class RefusedAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedAddressError';
  }
}

export function allowsPrivateAddresses(): boolean {
  return process.env.WEBHOOKS_ALLOW_PRIVATE === '1';
}

/** Whether the literal address is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family !== 6) return true;
  // IPv4-mapped (::ffff:a.b.c.d or ::ffff:7f00:1) is checked as the IPv4 address it carries.
  const mapped = /^::ffff:(.+)$/i.exec(bare);
  if (mapped) {
    const tail = mapped[1];
    if (isIP(tail) === 4) return blocked.check(tail, 'ipv4');
    const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(tail);
    if (hex) {
      const [high, low] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
      return blocked.check(`${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`, 'ipv4');
    }
    return true;
  }
  return blocked.check(bare, 'ipv6');
}

/** Resolves the URL's host and throws RefusedAddressError when any address it resolves to is private. */
export async function assertPublicUrl(url: string): Promise<void> {
  if (allowsPrivateAddresses()) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true, verbatim: true }).catch(() => {
    throw new RefusedAddressError(`The host ${host} could not be resolved`);
  });
  const refused = addresses.find(({ address }) => isPrivateAddress(address));
  if (refused) {
    throw new RefusedAddressError(
      `${host} resolves to ${refused.address}, a private, loopback or link-local address; webhooks go only to public addresses (WEBHOOKS_ALLOW_PRIVATE=1 allows others)`,
    );
  }
}
