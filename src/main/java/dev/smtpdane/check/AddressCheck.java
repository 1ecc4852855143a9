package dev.smtpdane.check;

import dev.smtpdane.dane.DaneResult;
import dev.smtpdane.dane.DaneVerdict;
import dev.smtpdane.dane.DaneVerifier;
import dev.smtpdane.dane.DaneWarning;
import dev.smtpdane.dane.SuggestedRecord;
import dev.smtpdane.dane.TlsaRecord;
import dev.smtpdane.discover.ProbeTarget;
import dev.smtpdane.dns.AddressText;
import dev.smtpdane.report.AddressReport;
import dev.smtpdane.report.Finding;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.smtp.ProbeRequest;
import dev.smtpdane.smtp.SessionOutcome;
import dev.smtpdane.smtp.SmtpProbe;
import dev.smtpdane.tls.TlsSession;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One address: run the SMTP/TLS session, authenticate what the server presented with DANE
 * (dane-rules.md §5), and describe the outcome. Never throws for anything the peer does.
 */
final class AddressCheck {
  private final CheckSettings settings;
  private final Clock clock;

  AddressCheck(CheckSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  AddressReport run(ProbeTarget target, Instant runDeadline) {
    Duration left = Duration.between(clock.instant(), runDeadline);
    if (left.isNegative() || left.isZero()) {
      return notStarted(target, "the run deadline (--timeout) passed before this address was"
          + " probed");
    }
    Duration session = left.compareTo(settings.sessionLimit()) < 0 ? left
        : settings.sessionLimit();
    ProbeRequest request = new ProbeRequest(new InetSocketAddress(target.address(),
        target.port()), target.sniName().orElse(null), target.tlsOnConnect(),
        settings.heloName(), min(settings.connectTimeout(), session),
        min(settings.readTimeout(), session), session, settings.proxy());
    return judge(target, SmtpProbe.run(request));
  }

  /** The report for an address whose check failed in a way nothing anticipated (a bug). */
  AddressReport internalError(ProbeTarget target, RuntimeException e) {
    return report(target, false, Optional.empty(), Optional.empty(),
        List.of(Finding.error(FindingCode.INTERNAL_ERROR, "internal error while checking"
            + " this address (" + e + "); please report it")));
  }

  /** The report for an address whose probe never ran (or never finished). */
  AddressReport notStarted(ProbeTarget target, String why) {
    return report(target, false, Optional.empty(), Optional.empty(),
        List.of(Finding.error(FindingCode.RUN_DEADLINE, why)));
  }

  private AddressReport judge(ProbeTarget target, SessionOutcome outcome) {
    List<Finding> findings = new ArrayList<>();
    Optional<TlsSession> tls;
    switch (outcome) {
      case SessionOutcome.Completed c -> {
        tls = Optional.of(c.tls());
        findings.addAll(c.findings());
      }
      case SessionOutcome.Failed f -> {
        tls = f.partial();
        findings.addAll(f.findings());
        findings.add(f.failure());
      }
    }
    Optional<DaneResult> dane = tls.filter(t -> !t.presentedChain().isEmpty())
        .map(t -> DaneVerifier.verify(t.presentedChain(), records(target),
            target.referenceIdentifiers(), clock.instant()));
    boolean completed = outcome instanceof SessionOutcome.Completed;
    boolean authenticated = false;
    if (!target.daneApplicable()) {
      tls.ifPresent(t -> findings.add(Finding.info(FindingCode.DANE_NOT_APPLICABLE, "TLS works"
          + " here, but DANE cannot authenticate it: " + notApplicableReason(target))));
    } else if (dane.isEmpty() && completed) {
      findings.add(Finding.error(FindingCode.NO_TLSA_MATCH, "the server presented no"
          + " certificate, so no TLSA record can match"));
    } else if (dane.isPresent() && completed) {
      findings.addAll(daneFindings(dane.get()));
      authenticated = dane.get().authenticated();
      if (authenticated) {
        findings.addAll(CertificateHealth.expiry(dane.get(), clock.instant(),
            settings.expirationWarning()));
      }
    } else if (dane.isPresent() && dane.get().authenticated()) {
      // The certificates match, but a chain can be replayed by anyone: only a completed
      // handshake proves the server holds the key.
      findings.add(Finding.info(FindingCode.DANE_NOT_APPLICABLE, "the presented chain matches"
          + " the TLSA records, but the TLS session did not complete, so the server has not"
          + " proven it holds the key"));
    }
    tls.ifPresent(t -> findings.add(CertificateHealth.ocsp(t, clock.instant(),
        settings.expectOcsp())));
    return report(target, authenticated, tls, dane, findings);
  }

  private static List<TlsaRecord> records(ProbeTarget target) {
    return target.tlsaRecords().stream().map(TlsaRecord::from).toList();
  }

  /** The verdict as a finding, plus the warnings DANE verification raised. */
  static List<Finding> daneFindings(DaneResult r) {
    List<Finding> out = new ArrayList<>();
    Finding verdict = switch (r.verdict()) {
      case DaneVerdict.Authenticated a -> Finding.ok(FindingCode.DANE_VERIFIED,
          "DANE verified by " + a.matches().stream().map(m -> shortRecord(m.record()) + " ("
              + m.result().explain() + ")").collect(Collectors.joining("; ")));
      case DaneVerdict.NotAuthenticated n -> Finding.error(r.verdict().code(),
          (n.onlyWeakerDigestMatches()
              ? "only a weaker digest matched, and RFC 7671 §9 digest agility makes senders"
                  + " use the strongest one published, which does not match; "
              : "no usable TLSA record matched the certificate chain; ")
              + presented(r) + publishHint(r));
      case DaneVerdict.NoUsableRecords u -> Finding.error(FindingCode.DANE_NOT_EFFECTIVE,
          "TLSA records exist but none is usable for SMTP (RFC 7672 §3.1.3: only DANE-TA(2)"
              + " and DANE-EE(3)): DANE senders must use TLS here but cannot authenticate it; "
              + presented(r) + publishHint(r));
    };
    out.add(verdict);
    // An expired DANE-EE leaf is reported by the expiry check (it honours
    // -expiration-warning 0), not twice.
    r.warnings().stream().filter(w -> !(w instanceof DaneWarning.EeLeafExpired))
        .forEach(w -> out.add(Finding.warning(w.code(), w.explain())));
    return out;
  }

  /** "3 1 1 5DD8412C…B61E4701": enough to tell records apart in a sentence. */
  private static String shortRecord(TlsaRecord r) {
    String hex = r.dataHex();
    return r.usage() + " " + r.selector() + " " + r.matchingType() + " "
        + (hex.length() > 17 ? hex.substring(0, 8) + "…" + hex.substring(hex.length() - 8) : hex);
  }

  private static String presented(DaneResult r) {
    return r.chain().isEmpty() ? "the server presented no certificate"
        : "the server presents 3 1 1 " + r.chain().get(0).spkiSha256()
            + (r.chain().size() > 1 ? " (leaf), 2 1 1 " + r.chain().get(1).spkiSha256()
                + " (issuer " + r.chain().get(1).subject() + ")" : "");
  }

  private static String publishHint(DaneResult r) {
    List<SuggestedRecord> good = r.suggestions().stream()
        .filter(SuggestedRecord::wouldAuthenticate).toList();
    return good.isEmpty() ? ""
        : "; publishing " + good.get(0).record() + " would make it verify";
  }

  private static String notApplicableReason(ProbeTarget t) {
    // RFC 7672 §2.2.2: unsigned addresses reached through a signed first CNAME can still use
    // the TLSA records of the original name; then the TLSA outcome is the reason.
    if (t.addressState() != dev.smtpdane.dns.DnssecState.SECURE && !t.secureFirstCname()) {
      return "its address record is " + t.addressState().label() + ", not DNSSEC-secure";
    }
    return switch (t.tlsa()) {
      case dev.smtpdane.discover.TlsaOutcome.Records r -> "no TLSA records apply";
      case dev.smtpdane.discover.TlsaOutcome.NoRecords n -> "there are no TLSA records";
      case dev.smtpdane.discover.TlsaOutcome.Insecure i -> "the TLSA answer is insecure";
      case dev.smtpdane.discover.TlsaOutcome.Failed f -> "the TLSA lookup failed ("
          + f.state().label() + ")";
      case dev.smtpdane.discover.TlsaOutcome.NotApplicable n -> n.reason();
    };
  }

  private AddressReport report(ProbeTarget target, boolean authenticated,
      Optional<TlsSession> tls, Optional<DaneResult> dane, List<Finding> findings) {
    List<TlsaRecord> published = records(target);
    return new AddressReport(AddressText.of(target.address()),
        target.address() instanceof Inet6Address, target.port(), target.tlsOnConnect(),
        authenticated, target.daneApplicable(), tls.map(Views::tls),
        dane.map(d -> d.chain().stream().map(c -> Views.certificate(c, published)).toList())
            .orElse(List.of()),
        dane.filter(d -> target.daneApplicable())
            .map(d -> d.records().stream().map(Views::record).toList()).orElse(List.of()),
        findings);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
