package dev.smtpdane.lab.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * The contents of one lab zone, given in code. Owner names and targets are relative to the zone
 * origin unless they end with a dot; {@code "@"} is the apex. SOA, NS, DNSKEY, NSEC, RRSIG and
 * the delegations to child zones are added by the lab.
 */
public final class LabZone {
  static final long TTL = 300;
  private final Name origin;
  private final List<Record> records = new ArrayList<>();

  LabZone(Name origin) {
    this.origin = origin;
  }

  /** The zone apex, e.g. {@code example.test.}. */
  public Name origin() {
    return origin;
  }

  public LabZone a(String owner, String address) {
    return record(new ARecord(owner(owner), DClass.IN, TTL, literal(address, Address.IPv4)));
  }

  public LabZone aaaa(String owner, String address) {
    return record(new AAAARecord(owner(owner), DClass.IN, TTL, literal(address, Address.IPv6)));
  }

  public LabZone mx(String owner, int preference, String exchange) {
    return record(new MXRecord(owner(owner), DClass.IN, TTL, preference, name(exchange)));
  }

  /** A null MX (RFC 7505): {@code 0 .}, "this domain accepts no mail". */
  public LabZone nullMx(String owner) {
    return mx(owner, 0, ".");
  }

  public LabZone srv(String owner, int priority, int weight, int port, String target) {
    return record(
        new SRVRecord(owner(owner), DClass.IN, TTL, priority, weight, port, name(target)));
  }

  public LabZone cname(String owner, String target) {
    return record(new CNAMERecord(owner(owner), DClass.IN, TTL, name(target)));
  }

  /** A TLSA record, e.g. {@code tlsa("_25._tcp.mx", 3, 1, 1, sha256OfKey)}. */
  public LabZone tlsa(String owner, int usage, int selector, int matchingType, byte[] data) {
    return record(new TLSARecord(
        owner(owner), DClass.IN, TTL, usage, selector, matchingType, data.clone()));
  }

  public LabZone txt(String owner, String text) {
    return record(new TXTRecord(owner(owner), DClass.IN, TTL, text));
  }

  /** Any other record; its owner must be in this zone. */
  public LabZone record(Record record) {
    if (!record.getName().subdomain(origin)) {
      throw new IllegalArgumentException(record.getName() + " is not in zone " + origin);
    }
    records.add(record);
    return this;
  }

  List<Record> records() {
    return List.copyOf(records);
  }

  private Name owner(String text) {
    Name owner = name(text);
    if (!owner.subdomain(origin)) {
      throw new IllegalArgumentException(owner + " is not in zone " + origin);
    }
    return owner;
  }

  private Name name(String text) {
    try {
      return text.equals("@") ? origin : Name.fromString(text, origin);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("bad name \"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static InetAddress literal(String text, int family) {
    try {
      // Address.getByAddress parses literals only: the lab never does a real lookup.
      return Address.getByAddress(text, family);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address literal: " + text, e);
    }
  }
}
