package dev.smtpdane.smtp;

import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.tls.TlsSession;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** How one SMTP session to one address ended. */
public sealed interface SessionOutcome {

  /** Findings noted along the way (legacy TLS version, STARTTLS response injection). */
  List<Finding> findings();

  /**
   * TLS was established and the server answered EHLO inside it.
   *
   * @param tls what the server presented, for the {@code dane} package to judge
   * @param greeting the greeting text without codes, lines joined with a newline
   * @param ehloKeywords keyword lines of the EHLO reply before TLS (empty in TLS-on-connect
   *     mode), e.g. {@code SIZE 10240000}
   * @param ehloKeywordsAfterTls keyword lines of the EHLO reply inside TLS
   * @param findings may contain an ERROR (response injection) next to a completed session
   */
  record Completed(
      TlsSession tls,
      String greeting,
      List<String> ehloKeywords,
      List<String> ehloKeywordsAfterTls,
      List<Finding> findings)
      implements SessionOutcome {
    public Completed {
      Objects.requireNonNull(tls, "tls");
      Objects.requireNonNull(greeting, "greeting");
      ehloKeywords = List.copyOf(ehloKeywords);
      ehloKeywordsAfterTls = List.copyOf(ehloKeywordsAfterTls);
      findings = List.copyOf(findings);
    }
  }

  /**
   * The session failed.
   *
   * @param stage where it failed
   * @param code the stable finding code
   * @param message what happened and, where we can tell, what to do
   * @param partial what TLS showed before the failure: present for every failure at {@link
   *     Stage#AFTER_TLS}, and for a handshake that failed after the server's certificates
   * @param findings findings noted before the failure
   */
  record Failed(
      Stage stage,
      FindingCode code,
      String message,
      Optional<TlsSession> partial,
      List<Finding> findings)
      implements SessionOutcome {
    public Failed {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(partial, "partial");
      findings = List.copyOf(findings);
    }

    /** The failure as an ERROR finding. */
    public Finding failure() {
      return Finding.error(code, message);
    }
  }
}
