package dev.smtpdane.dns;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The keys DNSSEC validation starts from (RFC 4033 §2, "trust anchor"): DS or DNSKEY records,
 * normally the root zone's key-signing keys. Every chain of trust must lead up to one of them.
 */
public final class TrustAnchors {
  // IANA root-anchors.xml: KSK-2017 (20326) and KSK-2024 (38696). Both are shipped: KSK-2024
  // signs the root DNSKEY RRset since 2026-10-11, and a run must not fail on either side of a
  // rollover (RFC 5011 is not used: a checker run keeps no state).
  private static final String ROOT = """
      . IN DS 20326 8 2 E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D
      . IN DS 38696 8 2 683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16
      """;
  private static final int ZONE_KEY_FLAG = 0x100;
  private final List<Record> records;

  private TrustAnchors(List<Record> records) {
    this.records = List.copyOf(records);
  }

  /** The root zone's KSK DS records for key tags 20326 and 38696. */
  public static TrustAnchors builtInRoot() {
    return parse(ROOT);
  }

  /**
   * Reads trust anchors from zone-file text: DS or DNSKEY records (owner, optional TTL, class
   * IN, type, data), comments and {@code $ORIGIN}/{@code $TTL} lines allowed.
   *
   * @throws IllegalArgumentException for text that is not zone-file syntax, a record of another
   *     type or class, a DNSKEY without the Zone Key flag, or text with no record at all
   */
  public static TrustAnchors parse(String zoneFileText) {
    List<Record> out = new ArrayList<>();
    byte[] bytes = zoneFileText.getBytes(StandardCharsets.UTF_8);
    try (Master master = new Master(new ByteArrayInputStream(bytes), Name.root, 0)) {
      for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
        out.add(checked(r));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("trust anchor text is not zone-file syntax: "
          + e.getMessage().replace("<none>:", "line "), e);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("trust anchor text holds no DS or DNSKEY record");
    }
    return new TrustAnchors(out);
  }

  private static Record checked(Record r) {
    if (r.getDClass() != DClass.IN) {
      throw new IllegalArgumentException(
          "trust anchor " + r + " is not of class IN");
    }
    if (r instanceof DNSKEYRecord key && (key.getFlags() & ZONE_KEY_FLAG) == 0) {
      // RFC 4034 §2.1.1: a key without the Zone Key flag must not verify zone data.
      throw new IllegalArgumentException("trust anchor " + r + " lacks the Zone Key flag (256)");
    }
    if (!(r instanceof DNSKEYRecord) && !(r instanceof DSRecord)) {
      throw new IllegalArgumentException("trust anchor " + r.getName() + " "
          + Type.string(r.getType()) + " is neither a DS nor a DNSKEY record");
    }
    return r;
  }

  /** The anchor records, as read. */
  public List<Record> records() {
    return records;
  }

  /** The anchor records of one type, e.g. {@code records(DSRecord.class)}. */
  public <T extends Record> List<T> records(Class<T> type) {
    return records.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The zones the anchors are for, e.g. {@code [.]}. */
  public List<Name> zones() {
    return records.stream().map(Record::getName).distinct().toList();
  }

  /** The deepest anchored zone at or above {@code name}, if any anchor covers it. */
  Optional<Name> coveringZone(Name name) {
    return zones().stream().filter(name::subdomain)
        .max(java.util.Comparator.comparingInt(Name::labels));
  }

  /** The anchors as zone-file text, one record a line (what dnsjava's validator loads). */
  String zoneFileText() {
    return records.stream().map(Record::toString).collect(Collectors.joining("\n", "", "\n"));
  }

  /** e.g. "DS . key tag 20326 (algorithm 8, digest type 2), DS . key tag 38696 (...)". */
  @Override
  public String toString() {
    return records.stream().map(TrustAnchors::describe).collect(Collectors.joining(", "));
  }

  /** A DS or DNSKEY record in words: "DS example.test. key tag 12345 (algorithm 13, ...)". */
  static String describe(Record r) {
    String head = Type.string(r.getType()) + " " + r.getName() + " key tag ";
    if (r instanceof DSRecord ds) {
      return head + ds.getFootprint() + " (algorithm " + ds.getAlgorithm() + ", digest type "
          + ds.getDigestID() + ")";
    }
    DNSKEYRecord key = (DNSKEYRecord) r;
    return head + key.getFootprint() + " (algorithm " + key.getAlgorithm() + ")";
  }
}
