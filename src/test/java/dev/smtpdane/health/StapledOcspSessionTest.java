package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.ocsp.LabOcspResponder;
import dev.smtpdane.lab.ocsp.OcspResponseBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.smtp.LabSmtpServer;
import dev.smtpdane.lab.smtp.LabSmtpServerBuilder;
import dev.smtpdane.report.FindingCode;
import dev.smtpdane.report.Severity;
import dev.smtpdane.smtp.ProbeRequest;
import dev.smtpdane.smtp.SessionOutcome;
import dev.smtpdane.smtp.SmtpProbe;
import dev.smtpdane.tls.TlsSession;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real STARTTLS sessions through {@link SmtpProbe} against a lab server that staples what an
 * in-process OCSP responder says, on TLS 1.2 and 1.3, judged by {@link OcspCheck}. Every case
 * has its own leaf, so no response cache can mix cases.
 */
@Timeout(60)
class StapledOcspSessionTest {
  private static final String MX = "mx.ocsp.test";
  private static final Instant NOW = Instant.now();
  private static final HeldCertificate CA =
      HeldCertificate.builder().commonName("Lab OCSP CA").ca().build();
  private static final HeldCertificate DELEGATE = HeldCertificate.builder()
      .commonName("Lab OCSP Responder").signedBy(CA)
      .extendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning).build();
  private static final HeldCertificate MALLORY =
      HeldCertificate.builder().commonName("Lab OCSP CA").ca().build(); // same name, other key
  private static LabOcspResponder responder;

  @BeforeAll
  static void startResponder() throws Exception {
    responder = LabOcspResponder.start();
  }

  @AfterAll
  static void stopResponder() {
    responder.close();
  }

  static Stream<Arguments> answers() {
    List<Arguments> rows = List.of(
        Arguments.of("good", answer(b -> b.good()), OcspResult.Good.class),
        Arguments.of("revoked", answer(b -> b.revoked(NOW.minus(Duration.ofDays(2)), 1)),
            OcspResult.Revoked.class),
        Arguments.of("unknown", answer(b -> b.unknown()), OcspResult.Unknown.class),
        Arguments.of("stale", answer(b -> b.thisUpdate(NOW.minus(Duration.ofDays(10)))
            .nextUpdate(NOW.minus(Duration.ofDays(3)))), OcspResult.Stale.class),
        Arguments.of("signed by a wrong key", (Function<HeldCertificate, OcspResponseBuilder>)
            leaf -> OcspResponseBuilder.signedBy(MALLORY), OcspResult.BadSignature.class),
        Arguments.of("delegated responder", (Function<HeldCertificate, OcspResponseBuilder>)
            leaf -> OcspResponseBuilder.signedBy(DELEGATE).embed(DELEGATE.certificate()),
            OcspResult.Good.class));
    return Stream.of("TLSv1.2", "TLSv1.3").flatMap(p -> rows.stream().map(a ->
        Arguments.of(a.get()[0], p, a.get()[1], a.get()[2])));
  }

  private static Function<HeldCertificate, OcspResponseBuilder> answer(
      Function<OcspResponseBuilder, OcspResponseBuilder> f) {
    return leaf -> f.apply(OcspResponseBuilder.signedBy(CA));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("answers")
  void stapledResponseReachesTheProbeAndIsJudged(String name, String protocol,
      Function<HeldCertificate, OcspResponseBuilder> answer, Class<?> expected) throws Exception {
    HeldCertificate leaf = leaf();
    responder.answer(leaf.certificate().getSerialNumber(), answer.apply(leaf));
    TlsSession tls = session(server(protocol).chain(leaf, CA));

    assertThat(tls.protocol()).isEqualTo(protocol);
    assertThat(tls.stapledOcsp()).hasSize(1);
    assertThat(responder.requestedSerials()).contains(leaf.certificate().getSerialNumber());
    assertThat(OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), NOW))
        .isInstanceOf(expected);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void responseAboutTheSameSerialFromAnotherIssuerIsTheWrongCertificate(String protocol)
      throws Exception {
    // JSSE builds the CertID from the certificate right after the leaf and drops responses not
    // covering it, so a server can only staple "another certificate" when that certificate is
    // not the leaf's issuer: here a decoy CA sent before the real one (a sloppy chain).
    HeldCertificate decoy = HeldCertificate.builder().commonName("Decoy CA").ca().build();
    HeldCertificate leaf = leaf();
    responder.answer(leaf.certificate().getSerialNumber(), OcspResponseBuilder.signedBy(decoy));
    TlsSession tls = session(server(protocol).chain(leaf, decoy, CA));

    assertThat(tls.stapledOcsp()).hasSize(1);
    OcspResult result = OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), NOW);
    assertThat(result).isInstanceOf(OcspResult.WrongCertificate.class);
    assertThat(OcspCheck.finding(result, true).code())
        .isEqualTo(FindingCode.OCSP_WRONG_CERTIFICATE);
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
  void leafNamingNoResponderGetsNoStaple(String protocol) throws Exception {
    HeldCertificate leaf = HeldCertificate.builder().commonName(MX).signedBy(CA).build();
    TlsSession tls = session(server(protocol).chain(leaf, CA));

    assertThat(tls.stapledOcsp()).isEmpty();
    OcspResult result = OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), NOW);
    assertThat(result).isInstanceOf(OcspResult.Missing.class);
    assertThat(OcspCheck.finding(result, true).severity()).isEqualTo(Severity.ERROR);
    assertThat(OcspCheck.finding(result, false).severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void serverWithoutTheStaplingOptionNeverAsksTheResponder() throws Exception {
    HeldCertificate leaf = leaf();
    responder.answer(leaf.certificate().getSerialNumber(), OcspResponseBuilder.signedBy(CA));
    TlsSession tls = session(LabSmtpServer.builder().hostname(MX).chain(leaf, CA));

    assertThat(tls.stapledOcsp()).isEmpty();
    assertThat(responder.requestedSerials()).doesNotContain(leaf.certificate().getSerialNumber());
  }

  @Test
  void serverWithoutTheOptionDoesNotStapleEvenWhenThePropertyIsSetJvmWide() throws Exception {
    HeldCertificate leaf = leaf();
    responder.answer(leaf.certificate().getSerialNumber(), OcspResponseBuilder.signedBy(CA));
    System.setProperty("jdk.tls.server.enableStatusRequestExtension", "true");
    try {
      TlsSession tls = session(LabSmtpServer.builder().hostname(MX).chain(leaf, CA));
      assertThat(tls.stapledOcsp()).isEmpty();
    } finally {
      System.clearProperty("jdk.tls.server.enableStatusRequestExtension");
    }
  }

  @Test
  void revokedLeafIsAnErrorEvenWithoutExpectOcsp() throws Exception {
    HeldCertificate leaf = leaf();
    responder.answer(leaf.certificate().getSerialNumber(),
        OcspResponseBuilder.signedBy(CA).revoked(NOW.minus(Duration.ofDays(1)), 1));
    TlsSession tls = session(server("TLSv1.3").chain(leaf, CA));
    OcspResult result = OcspCheck.check(tls.stapledOcsp(), tls.presentedChain(), NOW);

    assertThat(result).isInstanceOfSatisfying(OcspResult.Revoked.class,
        r -> assertThat(r.reason()).contains("keyCompromise"));
    assertThat(OcspCheck.finding(result, false).severity()).isEqualTo(Severity.ERROR);
    assertThat(OcspCheck.finding(result, false).code()).isEqualTo(FindingCode.OCSP_REVOKED);
  }

  private static HeldCertificate leaf() {
    return HeldCertificate.builder().commonName(MX).dnsNames(MX).signedBy(CA)
        .ocspUrl(responder.url()).build();
  }

  private static LabSmtpServerBuilder server(String protocol) {
    return LabSmtpServer.builder().hostname(MX).protocols(protocol).ocspStapling();
  }

  private static TlsSession session(LabSmtpServerBuilder builder) throws Exception {
    try (LabSmtpServer server = builder.start()) {
      ProbeRequest request = new ProbeRequest(server.address(), MX, false, "probe.invalid",
          Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
          Optional.empty());
      SessionOutcome outcome = SmtpProbe.run(request);
      assertThat(outcome).isInstanceOf(SessionOutcome.Completed.class);
      return ((SessionOutcome.Completed) outcome).tls();
    }
  }
}
