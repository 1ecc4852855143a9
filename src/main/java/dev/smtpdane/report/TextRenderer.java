package dev.smtpdane.report;

import java.io.PrintWriter;

/**
 * The default and terse text output (output.md). Lines about one address start with
 * {@code [host address]}; DNS answers show their DNSSEC state; on a failed match the chain the
 * server presented is printed with the digests an operator would publish. Terse keeps only
 * matches, warnings and errors.
 */
public final class TextRenderer {
  private final Style style;
  private final boolean terse;
  private final boolean showCertInfo;
  private final boolean showCerts;

  public TextRenderer(Style style, boolean terse, boolean showCertInfo, boolean showCerts) {
    this.style = style;
    this.terse = terse;
    this.showCertInfo = showCertInfo;
    this.showCerts = showCerts;
  }

  public void render(RunReport run, PrintWriter out) {
    renderBody(run, out);
    out.println(Summary.line(run, style));
    out.flush();
  }

  /**
   * Everything but the summary line (Nagios prints its own status line instead; bulk runs
   * print one summary at the end).
   */
  public void renderBody(RunReport run, PrintWriter out) {
    run.findings().forEach(f -> finding(out, "", f));
    for (DomainReport d : run.domains()) {
      domain(d, out);
    }
  }

  /** One domain (used alone by the quiet renderer for the domains that failed). */
  public void domain(DomainReport d, PrintWriter out) {
    String p = Safe.text(d.target()) + ": ";
    d.lookup().ifPresent(a -> info(out, p + Answers.describe(a)));
    d.findings().forEach(f -> finding(out, p, f));
    for (HostReport h : d.hosts()) {
      host(h, out);
    }
    if (!d.mode().equals("host")) {
      verdictLine(out, p, "domain", d.verdict());
    }
  }

  private void host(HostReport h, PrintWriter out) {
    String p = Safe.text(h.name()) + ": ";
    h.answers().forEach(a -> info(out, p + Answers.describe(a)));
    if (!h.tlsaBaseDomain().isEmpty()) {
      info(out, p + "TLSA base domain " + h.tlsaBaseDomain() + "; names accepted for DANE-TA: "
          + String.join(", ", h.referenceIdentifiers()));
    }
    for (TlsaView t : h.tlsa()) {
      info(out, p + "TLSA " + tlsaLine(t));
    }
    h.findings().forEach(f -> finding(out, p, f));
    for (AddressReport a : h.addresses()) {
      address(h, a, out);
    }
    verdictLine(out, p, "host", h.verdict());
  }

  private String tlsaLine(TlsaView t) {
    StringBuilder b = new StringBuilder(Hex.record(t.presentation()));
    if (showCertInfo || !t.usable()) {
      b.append(" (").append(t.mnemonic()).append(')');
    }
    if (!t.caName().isEmpty()) {
      b.append(" [CA: ").append(Safe.text(t.caName())).append(']');
    }
    if (!t.usable()) {
      b.append(" unusable: ").append(t.unusableReason());
    }
    return b.toString();
  }

  private void address(HostReport h, AddressReport a, PrintWriter out) {
    String p = "[" + Safe.text(h.name()) + " " + a.address() + "] ";
    a.tls().ifPresent(t -> info(out, p + (a.tlsOnConnect() ? "TLS on connect" : "STARTTLS")
        + " to port " + a.port() + ": " + t.protocol() + " " + t.cipherSuite()
        + (t.sni().isEmpty() ? "" : ", SNI " + t.sni())));
    for (RecordResultView r : a.records()) {
      if (r.matched()) {
        line(out, Severity.OK, p + style.ok("match") + " " + Hex.record(r.record()) + ": "
            + r.detail());
      } else {
        info(out, p + "no match " + Hex.record(r.record()) + ": " + r.detail());
      }
    }
    a.findings().forEach(f -> finding(out, p, f));
    boolean failed = a.verdict() == Verdict.FAILED;
    if (!a.chain().isEmpty() && (failed || showCertInfo)) {
      Chains.describe(a.chain(), p, showCertInfo).forEach(l -> info(out, l));
    }
    if (showCerts) {
      a.chain().forEach(c -> out.print(c.pem()));
    }
    verdictLine(out, p, "address", a.verdict());
  }

  private void verdictLine(PrintWriter out, String prefix, String what, Verdict v) {
    Severity s = switch (v) {
      case VERIFIED -> Severity.OK;
      case FAILED -> Severity.ERROR;
      case NOT_ATTEMPTED, NO_SERVICE -> Severity.INFO;
    };
    String text = prefix + what + " " + v.label();
    line(out, s, s == Severity.INFO ? text : style.severity(s, text));
  }

  private void finding(PrintWriter out, String prefix, Finding f) {
    if (!showCertInfo && f.code().isOcsp() && f.severity().compareTo(Severity.WARNING) < 0) {
      return; // issue 7: a healthy or merely absent staple is shown with -show-cert-info
    }
    String tag = switch (f.severity()) {
      case ERROR -> style.error("ERROR") + " ";
      case WARNING -> style.warning("WARNING") + " ";
      case OK, INFO -> "";
    };
    line(out, f.severity(), prefix + tag + Safe.text(f.message()) + " [" + f.code() + "]");
  }

  private void info(PrintWriter out, String s) {
    line(out, Severity.INFO, s);
  }

  /** Terse output keeps only matches, warnings and errors. */
  private void line(PrintWriter out, Severity s, String text) {
    if (!(terse && s == Severity.INFO)) {
      out.println(text);
    }
  }
}
