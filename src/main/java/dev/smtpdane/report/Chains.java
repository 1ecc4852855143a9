package dev.smtpdane.report;

import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chain a server presented, one block per position, with the digests an operator would
 * publish ("3 1 1" for the leaf, "2 1 1" for the CAs above it, plus the published shapes).
 */
final class Chains {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

  private Chains() {}

  static List<String> describe(List<CertView> chain, String prefix, boolean details) {
    List<String> lines = new ArrayList<>();
    lines.add(prefix + "server presented " + chain.size() + " certificate"
        + (chain.size() == 1 ? "" : "s") + ":");
    for (CertView c : chain) {
      String p = prefix + "  " + c.position() + ": ";
      String pad = prefix + "     ";
      lines.add(p + "subject " + Safe.text(c.subject()));
      lines.add(pad + "issuer  " + Safe.text(c.issuer()));
      lines.add(pad + "valid   " + DAY.format(c.notBefore()) + " to " + DAY.format(c.notAfter()));
      if (!c.dnsNames().isEmpty()) {
        lines.add(pad + "names   " + Safe.text(String.join(", ", c.dnsNames())));
      }
      if (details) {
        lines.add(pad + "key     " + c.publicKey() + ", signed " + c.signatureAlgorithm()
            + ", serial " + c.serialHex());
      }
      for (Map.Entry<String, String> d : new java.util.TreeMap<>(c.digests()).entrySet()) {
        lines.add(pad + d.getKey() + " " + d.getValue());
      }
    }
    return lines;
  }
}
