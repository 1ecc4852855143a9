package dev.smtpdane.dane;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.TLSARecord;

/**
 * One TLSA record's data (RFC 6698 §2.1): the three fields as raw values, so that values no
 * RFC defines survive to be reported as unusable, and the certificate association data.
 *
 * <p>Immutable: the data array is copied in and out. Equality is by value (the array by
 * content), so equal records published twice compare equal.
 */
public record TlsaRecord(int usage, int selector, int matchingType, byte[] data) {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** RDATA is at most 65535 bytes, three of them the fields (RFC 1035 §3.2.1, RFC 6698 §2.1). */
  static final int MAX_DATA_LENGTH = 65535 - 3;

  private static final Map<String, Integer> USAGE_NAMES =
      Map.of("pkix-ta", 0, "pkix-ee", 1, "dane-ta", 2, "dane-ee", 3, "privcert", 255);
  private static final Map<String, Integer> SELECTOR_NAMES =
      Map.of("cert", 0, "spki", 1, "privsel", 255);
  private static final Map<String, Integer> MATCHING_NAMES =
      Map.of("full", 0, "sha2-256", 1, "sha2-512", 2, "privmatch", 255);

  public TlsaRecord {
    requireOctet("usage", usage);
    requireOctet("selector", selector);
    requireOctet("matching type", matchingType);
    Objects.requireNonNull(data, "data");
    if (data.length > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("TLSA data longer than a DNS record can hold");
    }
    data = data.clone();
  }

  /**
   * Parses the presentation format {@code usage selector matching-type hex-data}, e.g.
   * {@code 3 1 1 0C72AC70...}. Fields may be numbers or RFC 7218 acronyms ({@code DANE-EE SPKI
   * SHA2-256}); the hex data may contain whitespace (RFC 6698 §2.2).
   *
   * @throws IllegalArgumentException on any malformed input (and no other exception)
   */
  public static TlsaRecord parse(String presentation) {
    if (presentation == null) {
      throw new IllegalArgumentException("TLSA record is missing");
    }
    String[] tokens = presentation.strip().split("\\s+");
    if (tokens.length < 4) {
      throw new IllegalArgumentException(
          "TLSA record needs usage, selector, matching type and data: '" + shorten(presentation)
              + "'");
    }
    int usage = field("usage", tokens[0], USAGE_NAMES);
    int selector = field("selector", tokens[1], SELECTOR_NAMES);
    int matching = field("matching type", tokens[2], MATCHING_NAMES);
    String hex = String.join("", Arrays.asList(tokens).subList(3, tokens.length));
    if (hex.length() % 2 != 0 || !hex.chars().allMatch(TlsaRecord::isHexDigit)) {
      throw new IllegalArgumentException(
          "TLSA data must be an even number of hex digits: '" + shorten(hex) + "'");
    }
    if (hex.length() / 2 > MAX_DATA_LENGTH) {
      throw new IllegalArgumentException("TLSA data longer than a DNS record can hold");
    }
    return new TlsaRecord(usage, selector, matching, HEX.parseHex(hex));
  }

  /** Converts a dnsjava record, keeping every field as published. */
  public static TlsaRecord from(TLSARecord r) {
    return new TlsaRecord(
        r.getCertificateUsage(),
        r.getSelector(),
        r.getMatchingType(),
        r.getCertificateAssociationData());
  }

  /** A copy of the certificate association data. */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** The association data in upper-case hex, no separators. */
  public String dataHex() {
    return HEX.formatHex(data);
  }

  /** Number of bytes of association data. */
  public int dataLength() {
    return data.length;
  }

  /** The usage if it is one RFC 6698 defines. */
  public Optional<CertUsage> knownUsage() {
    return CertUsage.of(usage);
  }

  /** The selector if it is one RFC 6698 defines. */
  public Optional<Selector> knownSelector() {
    return Selector.of(selector);
  }

  /** The matching type if it is one RFC 6698 defines. */
  public Optional<MatchingType> knownMatchingType() {
    return MatchingType.of(matchingType);
  }

  /** The three fields in RFC 7218 acronyms where known, e.g. {@code DANE-EE SPKI SHA2-256}. */
  public String mnemonic() {
    return knownUsage().map(CertUsage::mnemonic).orElse(Integer.toString(usage)) + " "
        + knownSelector().map(Selector::mnemonic).orElse(Integer.toString(selector)) + " "
        + knownMatchingType().map(MatchingType::mnemonic).orElse(Integer.toString(matchingType));
  }

  /** True if this record's association data equals the given bytes. */
  boolean dataEquals(byte[] associationData) {
    return Arrays.equals(data, associationData);
  }

  /** Presentation form: {@code 3 1 1 ABCD...}, hex in upper case. */
  @Override
  public String toString() {
    return usage + " " + selector + " " + matchingType + " " + dataHex();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TlsaRecord r
        && usage == r.usage
        && selector == r.selector
        && matchingType == r.matchingType
        && Arrays.equals(data, r.data);
  }

  @Override
  public int hashCode() {
    return Objects.hash(usage, selector, matchingType, Arrays.hashCode(data));
  }

  private static int field(String what, String token, Map<String, Integer> names) {
    Integer named = names.get(token.toLowerCase(Locale.ROOT));
    if (named != null) {
      return named;
    }
    // ASCII digits only: Integer.parseInt would also accept other scripts' digits.
    if (token.isEmpty() || token.length() > 3
        || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("TLSA " + what + " is not a number 0-255: '"
          + shorten(token) + "'");
    }
    int value = Integer.parseInt(token);
    requireOctet(what, value);
    return value;
  }

  private static void requireOctet(String what, int value) {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("TLSA " + what + " out of range 0-255: " + value);
    }
  }

  private static boolean isHexDigit(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
