package dev.smtpdane.dane;

import static dev.smtpdane.dane.RecordResult.RECORD_CERTIFICATE;
import static dev.smtpdane.dane.TestPki.MX;
import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.CertificateBuilder;
import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DANE-TA: the extendedKeyUsage of every CA on the path, the trust anchor included, must allow
 * serverAuth, as OpenSSL (Postfix, Exim) requires: crypto/x509/x509_vfy.c {@code
 * check_chain_extensions} checks the SSL-server purpose of every chain certificate, and
 * crypto/x509/v3_purp.c {@code check_purpose_ssl_server} rejects a CA by {@code xku_reject(x,
 * XKU_SSL_SERVER | XKU_SGC)} (PathChecks#caExtendedKeyUsage). DANE-EE ignores the chain (RFC
 * 7672 §3.1.1).
 */
class CaExtendedKeyUsageTest {
  private static final TestPki.Chain EC = TestPki.chain(KeyType.ECDSA_P256);
  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
  private static final String EMAIL = "1.3.6.1.5.5.7.3.4";
  private static final String ANY = "2.5.29.37.0";
  private static final String MS_SGC = "1.3.6.1.4.1.311.10.3.3";

  /** Where the certificate with the EKU under test sits, and which record anchors the path. */
  enum Shape {
    /** {@code 2 1 1} of the sent intermediate, which carries the EKU (position 1). */
    SENT_INTERMEDIATE_ANCHOR(1),
    /** {@code 2 1 1} of a sent root; the intermediate below it carries the EKU. */
    INTERMEDIATE_BELOW_SENT_ROOT(1),
    /** {@code 2 1 1} of a sent root that carries the EKU itself: the anchor is not exempt. */
    SENT_ROOT_ANCHOR(2),
    /** {@code 2 0 0} of an intermediate the server did not send, which carries the EKU. */
    UNSENT_200_ANCHOR(RECORD_CERTIFICATE),
    /** {@code 2 1 0} of the root's bare key; the sent intermediate it signed carries the EKU. */
    INTERMEDIATE_BELOW_210_KEY(1);

    final int failingPosition;

    Shape(int failingPosition) {
      this.failingPosition = failingPosition;
    }
  }

  /** Columns: the EKU OIDs of the CA under test ("" = no extension) and whether it passes. */
  static Stream<Arguments> ekus() {
    List<Arguments> rows = new ArrayList<>();
    String[][] table = {
      {"", "pass"},
      {SERVER_AUTH, "pass"},
      {SERVER_AUTH + " " + CLIENT_AUTH, "pass"},
      {ANY + " " + SERVER_AUTH, "pass"},
      // OpenSSL's mask includes the obsolete Server Gated Crypto purposes (XKU_SGC).
      {MS_SGC, "pass"},
      // Surprising but true: XKU_ANYEKU is not in OpenSSL's mask, so anyEKU alone fails
      // (openssl/openssl#17959: "consciously" not accepted).
      {ANY, "fail"},
      {CLIENT_AUTH, "fail"},
      {EMAIL, "fail"},
    };
    for (Shape shape : Shape.values()) {
      for (String[] row : table) {
        rows.add(Arguments.of(shape, row[0], row[1].equals("pass")));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}, CA EKU [{1}]: passes {2}")
  @MethodSource("ekus")
  void everyCaOnTheDaneTaPathMustAllowServerAuth_OpenSslCheckPurpose(
      Shape shape, String oids, boolean passes) {
    List<String> purposes = oids.isEmpty() ? List.of() : Arrays.asList(oids.split(" "));
    RecordResult r = verify(shape, b -> withEku(b, purposes));
    if (passes) {
      assertThat(r.matched()).as(r.explain()).isTrue();
    } else {
      assertThat(r).isEqualTo(
          new RecordResult.CaEkuNotServerAuth(shape.failingPosition, purposes));
      assertThat(r.code().code()).isEqualTo("ca-eku-not-server-auth");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void unreadableCaEkuFails(Shape shape) {
    // An extendedKeyUsage that is not a SEQUENCE of OIDs: OpenSSL's X509_check_ca refuses it.
    RecordResult r = verify(shape, b -> b.extension("2.5.29.37", false, DERNull.INSTANCE));
    assertThat(r).isEqualTo(new RecordResult.CaEkuNotServerAuth(shape.failingPosition,
        List.of()));
    assertThat(verify(shape, b -> b).matched()).isTrue();
  }

  static Stream<Shape> shapes() {
    return Stream.of(Shape.values());
  }

  @Test
  void daneEeIgnoresTheCasEku_Rfc7672_3_1_1() {
    X509Certificate inter = interCopy(b -> withEku(b, List.of(CLIENT_AUTH)));
    List<X509Certificate> chain = List.of(EC.leaf().certificate(), inter);
    assertThat(DaneTaTest.result(chain, TestPki.ee311(EC.leaf().certificate())).matched())
        .isTrue();
    assertThat(DaneTaTest.result(chain, TestPki.ta211(inter)))
        .isEqualTo(new RecordResult.CaEkuNotServerAuth(1, List.of(CLIENT_AUTH)));
  }

  @Test
  void leafEkuIsReportedBeforeTheCas() {
    // OpenSSL checks the purpose from the leaf up; the leaf's own EKU is the first problem.
    X509Certificate inter = interCopy(b -> withEku(b, List.of(CLIENT_AUTH)));
    HeldCertificate interHeld = new HeldCertificate(inter, EC.inter().keyPair());
    X509Certificate leaf = TestPki.leaf(MX).signedBy(interHeld)
        .extendedKeyUsage(KeyPurposeId.id_kp_emailProtection).build().certificate();
    assertThat(DaneTaTest.result(List.of(leaf, inter), TestPki.ta211(inter)))
        .isEqualTo(new RecordResult.EkuNotServerAuth(List.of(EMAIL)));
  }

  @Test
  void failureSaysWhichCertificateWhatItListsAndWhatToDo() {
    RecordResult sent = new RecordResult.CaEkuNotServerAuth(1, List.of(CLIENT_AUTH, "1.2.3"));
    assertThat(sent.explain()).contains("the certificate at position 1",
        "allows only clientAuth, 1.2.3", "re-issue that CA certificate without"
            + " extendedKeyUsage (or with serverAuth in it)", "publish 3 1 1");
    RecordResult inRecord = new RecordResult.CaEkuNotServerAuth(RECORD_CERTIFICATE,
        List.of(ANY));
    assertThat(inRecord.explain()).contains("the trust anchor certificate in the 2 0 0 record",
        "allows only anyExtendedKeyUsage", "publish the new one in the 2 0 0 record",
        "publish 3 1 1");
    assertThat(new RecordResult.CaEkuNotServerAuth(2, List.of()).explain())
        .contains("the certificate at position 2", "empty or cannot be read");
  }

  private static RecordResult verify(Shape shape,
      UnaryOperator<CertificateBuilder> eku) {
    X509Certificate leaf = EC.leaf().certificate();
    X509Certificate root = EC.root().certificate();
    return switch (shape) {
      case SENT_INTERMEDIATE_ANCHOR -> {
        X509Certificate inter = interCopy(eku);
        yield DaneTaTest.result(List.of(leaf, inter), TestPki.ta211(inter));
      }
      case INTERMEDIATE_BELOW_SENT_ROOT ->
          DaneTaTest.result(List.of(leaf, interCopy(eku), root), TestPki.ta211(root));
      case SENT_ROOT_ANCHOR -> {
        X509Certificate ekuRoot = TestPki.remake(EC.root(), b -> eku.apply(b.ca()));
        yield DaneTaTest.result(List.of(leaf, EC.inter().certificate(), ekuRoot),
            TestPki.ta211(ekuRoot));
      }
      case UNSENT_200_ANCHOR -> DaneTaTest.result(List.of(leaf),
          TestPki.tlsa(2, Selector.CERT, MatchingType.FULL, interCopy(eku)));
      case INTERMEDIATE_BELOW_210_KEY -> DaneTaTest.result(List.of(leaf, interCopy(eku)),
          TestPki.tlsa(2, Selector.SPKI, MatchingType.FULL, root));
    };
  }

  /** EC's intermediate (same name and key, so it issued EC's leaf), re-made by {@code eku}. */
  private static X509Certificate interCopy(
      UnaryOperator<CertificateBuilder> eku) {
    return TestPki.remake(EC.inter(), b -> eku.apply(b.ca()).signedBy(EC.root()));
  }

  private static CertificateBuilder withEku(CertificateBuilder b, List<String> oids) {
    return b.extendedKeyUsage(oids.stream()
        .map(o -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(o)))
        .toArray(KeyPurposeId[]::new));
  }
}
