package dev.smtpdane.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One certificate the server presented, at its chain position (0 = leaf), with the digests
 * an operator would publish: keys are "3 1 1"-style parameter triples ("2 1 1", "3 0 1"...).
 */
public record CertView(
    int position,
    String subject,
    String issuer,
    List<String> dnsNames,
    Instant notBefore,
    Instant notAfter,
    String publicKey,
    String signatureAlgorithm,
    String serialHex,
    Map<String, String> digests,
    String pem) {
  public CertView {
    dnsNames = List.copyOf(dnsNames);
    digests = Map.copyOf(digests);
  }
}
