package dev.smtpdane.report;

/** One-line descriptions of DNS answers with their DNSSEC state (output.md). */
final class Answers {
  private Answers() {}

  /** e.g. "MX example.test (secure): 10 mx1.example.test." or "TLSA ... (bogus): reason". */
  static String describe(DnsAnswerView a) {
    StringBuilder b = new StringBuilder();
    b.append(a.type()).append(' ').append(Safe.text(a.name()))
        .append(" (").append(a.state().label());
    if (!a.rcode().equals("NOERROR")) {
      b.append(", ").append(a.rcode());
    } else if (a.records().isEmpty()) {
      b.append(", no records");
    }
    b.append(')');
    if (!a.cnameChain().isEmpty()) {
      b.append(" via CNAME ").append(Safe.text(String.join(" → ", a.cnameChain())));
    }
    if (a.type().equals("TLSA")) {
      // the records themselves are listed (with usability) right after this line
      b.append(a.records().isEmpty() ? "" : ": " + a.records().size() + " record"
          + (a.records().size() == 1 ? "" : "s"));
    } else if (!a.records().isEmpty()) {
      b.append(": ").append(Safe.text(String.join(", ", a.records())));
    }
    if (!a.reason().isEmpty()) {
      b.append(" — ").append(Safe.text(a.reason()));
    }
    if (!a.resolverClaim().isEmpty() && !a.resolverClaim().startsWith(a.state().label())) {
      b.append(" [resolver says ").append(Safe.text(a.resolverClaim())).append(']');
    }
    if (!a.resolver().isEmpty() && !a.state().equals(dev.smtpdane.dns.DnssecState.SECURE)) {
      b.append(" (from ").append(a.resolver()).append(')');
    }
    return b.toString();
  }
}
