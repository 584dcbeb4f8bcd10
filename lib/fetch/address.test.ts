import { describe, expect, test } from "vitest";
import { classifyAddress, ipLiteralFamily } from "./address";

describe("classifyAddress", () => {
  test.each([
    // IPv4 public
    ["93.184.216.34", true, "unicast"],
    ["8.8.8.8", true, "unicast"],
    ["1.1.1.1", true, "unicast"],
    // IPv4 refused
    ["127.0.0.1", false, "loopback"],
    ["127.255.255.254", false, "loopback"],
    ["10.0.0.5", false, "private"],
    ["172.16.0.1", false, "private"],
    ["172.31.255.255", false, "private"],
    ["192.168.1.1", false, "private"],
    ["100.64.0.1", false, "carrierGradeNat"],
    ["100.127.255.255", false, "carrierGradeNat"],
    ["169.254.169.254", false, "linkLocal"],
    ["169.254.0.1", false, "linkLocal"],
    ["0.0.0.0", false, "unspecified"],
    ["0.1.2.3", false, "unspecified"],
    ["224.0.0.1", false, "multicast"],
    ["239.255.255.250", false, "multicast"],
    ["255.255.255.255", false, "broadcast"],
    ["192.0.2.1", false, "reserved"],
    ["198.51.100.7", false, "reserved"],
    ["203.0.113.9", false, "reserved"],
    ["198.18.0.1", false, "reserved"],
    ["240.0.0.1", false, "reserved"],
    // just outside the private blocks
    ["172.15.255.255", true, "unicast"],
    ["172.32.0.0", true, "unicast"],
    ["100.63.255.255", true, "unicast"],
    ["100.128.0.0", true, "unicast"],
    ["11.0.0.1", true, "unicast"],
    // IPv6 public
    ["2606:4700:4700::1111", true, "unicast"],
    ["2a00:1450:4007:80e::200e", true, "unicast"],
    // IPv6 refused
    ["::1", false, "loopback"],
    ["::", false, "unspecified"],
    ["fe80::1", false, "linkLocal"],
    ["febf::1", false, "linkLocal"],
    ["fc00::1", false, "uniqueLocal"],
    ["fd12:3456:789a::1", false, "uniqueLocal"],
    ["fd00:ec2::254", false, "uniqueLocal"],
    ["ff02::1", false, "multicast"],
    ["::ffff:127.0.0.1", false, "ipv4Mapped"],
    ["::ffff:10.0.0.5", false, "ipv4Mapped"],
    ["::ffff:8.8.8.8", false, "ipv4Mapped"],
    ["::ffff:7f00:1", false, "ipv4Mapped"],
    // ipaddr.js reads the dotted form as mapped; either way it embeds 127.0.0.1 and is refused.
    ["::127.0.0.1", false, "ipv4Mapped"],
    ["::7f00:1", false, "ipv4Compatible"],
    ["::a00:5", false, "ipv4Compatible"],
    ["64:ff9b::a00:5", false, "rfc6052"],
    ["2002:a00:5::1", false, "6to4"],
    ["2001:0:4136:e378::1", false, "teredo"],
    ["2001:db8::1", false, "reserved"],
    ["fec0::1", false, "deprecatedSiteLocal"],
    ["[::1]", false, "loopback"],
    ["fe80::1%eth0", false, "linkLocal"],
  ])("%s → allowed %s (%s)", (address, allowed, range) => {
    const v = classifyAddress(address);
    expect(v.range).toBe(range);
    expect(v.allowed).toBe(allowed);
    expect(v.reason === "").toBe(allowed);
  });

  test("not an address is refused", () => {
    expect(classifyAddress("example.com")).toMatchObject({ allowed: false, range: "invalid", family: 0 });
    expect(classifyAddress("")).toMatchObject({ allowed: false, range: "invalid" });
  });

  test("reasons name the range and the metadata service", () => {
    expect(classifyAddress("10.0.0.5").reason).toBe("a private address");
    expect(classifyAddress("169.254.169.254").reason).toBe("a link-local address: the cloud metadata service");
    expect(classifyAddress("::ffff:10.0.0.5").reason).toBe("an IPv4-mapped IPv6 address of a private address");
    expect(classifyAddress("::1").family).toBe(6);
    expect(classifyAddress("8.8.8.8").family).toBe(4);
  });
});

describe("ipLiteralFamily", () => {
  test.each([
    ["127.0.0.1", 4],
    ["::1", 6],
    ["[2001:db8::1]", 6],
    ["example.com", 0],
    ["127.1", 0],
    ["0x7f.0.0.1", 0],
  ])("%s → %s", (host, family) => {
    expect(ipLiteralFamily(host)).toBe(family);
  });
});
