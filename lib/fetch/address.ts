/**
 * Which network addresses the fetcher may connect to. Only public unicast addresses are allowed;
 * everything a server-side request could use to reach the machine itself or its neighbours is
 * refused: loopback, private (RFC 1918), carrier-grade NAT, link-local (and so cloud metadata at
 * 169.254.169.254), unique-local, multicast, reserved and documentation ranges, and IPv6 forms
 * that embed an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) and could smuggle one past
 * the IPv4 checks. The CIDR tables are ipaddr.js's (IANA special-purpose registries).
 */
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

export interface AddressVerdict {
  /** The address as given. */
  address: string;
  /** 4 or 6; 0 when the text is not an IP address. */
  family: 0 | 4 | 6;
  /** ipaddr.js range name ("unicast", "private", "loopback" ...), or "invalid". */
  range: string;
  allowed: boolean;
  /** Why it is refused, as a phrase: "a private address (RFC 1918)". Empty when allowed. */
  reason: string;
}

const METADATA = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

const REASONS: Record<string, string> = {
  unspecified: "an unspecified address (0.0.0.0/8 or ::)",
  broadcast: "the broadcast address",
  multicast: "a multicast address",
  linkLocal: "a link-local address",
  loopback: "a loopback address",
  carrierGradeNat: "a carrier-grade NAT address (100.64.0.0/10)",
  private: "a private address",
  reserved: "a reserved or documentation address",
  as112: "a reserved (AS112) address",
  amt: "a reserved (AMT) address",
  uniqueLocal: "a unique-local address (fc00::/7)",
  ipv4Mapped: "an IPv4-mapped IPv6 address",
  rfc6145: "an IPv4-translated IPv6 address",
  rfc6052: "a NAT64 address (embeds IPv4)",
  "6to4": "a 6to4 address (embeds IPv4)",
  teredo: "a Teredo address (embeds IPv4)",
  deprecatedSiteLocal: "a site-local address",
  discard: "a discard-only address",
  benchmarking: "a benchmarking address",
  as112v6: "a reserved (AS112) address",
  deprecatedOrchid: "a reserved (ORCHID) address",
  orchid2: "a reserved (ORCHIDv2) address",
  droneRemoteIdProtocolEntityTags: "a reserved (DRIP) address",
  segmentRouting: "a segment-routing address",
  ipv4Compatible: "an IPv4-compatible IPv6 address",
};

/**
 * Classify one IP address (v4 or v6, as Node's resolver or a URL's host gives it).
 * Not an IP address: refused with range "invalid".
 */
export function classifyAddress(address: string): AddressVerdict {
  const text = address.replace(/^\[|\]$/g, "").replace(/%.*$/, ""); // [v6] and zone ids
  if (!ipaddr.isValid(text)) {
    return { address, family: 0, range: "invalid", allowed: false, reason: "not an IP address" };
  }
  const parsed = ipaddr.parse(text);
  const family = parsed.kind() === "ipv4" ? 4 : 6;
  let range: string = parsed.range();
  if (parsed.kind() === "ipv6" && range === "unicast") {
    // ::a.b.c.d (deprecated IPv4-compatible): ipaddr.js only names ::/128 and ::1/128.
    const parts = (parsed as ipaddr.IPv6).parts;
    if (parts.slice(0, 6).every((p) => p === 0)) range = "ipv4Compatible";
  }
  const allowed = range === "unicast";
  let reason = "";
  if (!allowed) {
    reason = REASONS[range] ?? `a special-purpose address (${range})`;
    if (METADATA.has(parsed.toNormalizedString()) || METADATA.has(text.toLowerCase())) {
      reason = `${reason}: the cloud metadata service`;
    }
    if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
      const inner = classifyAddress((parsed as ipaddr.IPv6).toIPv4Address().toString());
      if (!inner.allowed) reason = `${reason} of ${inner.reason}`;
    }
  }
  return { address, family, range, allowed, reason };
}

/** 4 or 6 for a literal IPv4 or IPv6 address in canonical form (brackets allowed), else 0. */
export function ipLiteralFamily(host: string): 0 | 4 | 6 {
  return isIP(host.replace(/^\[|\]$/g, "")) as 0 | 4 | 6;
}
