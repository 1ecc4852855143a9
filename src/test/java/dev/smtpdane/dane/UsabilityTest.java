package dev.smtpdane.dane;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.KeyType;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class UsabilityTest {

  @ParameterizedTest(name = "{0} {1} {2} with {3} bytes -> {4}")
  @CsvSource({
    // usage, selector, type, data length, expected reason (USABLE = usable)
    "3, 1, 1, 32, USABLE",
    "2, 0, 1, 32, USABLE",
    "3, 1, 2, 64, USABLE",
    "2, 0, 2, 64, USABLE",
    "0, 1, 1, 32, PKIX_USAGE", // RFC 7672 §3.1.3
    "1, 1, 1, 32, PKIX_USAGE",
    "4, 1, 1, 32, UNKNOWN_USAGE",
    "255, 1, 1, 32, UNKNOWN_USAGE",
    "3, 2, 1, 32, UNKNOWN_SELECTOR",
    "3, 255, 1, 32, UNKNOWN_SELECTOR",
    "3, 1, 3, 32, UNKNOWN_MATCHING_TYPE",
    "3, 1, 255, 32, UNKNOWN_MATCHING_TYPE",
    "3, 1, 1, 31, DIGEST_LENGTH",
    "3, 1, 1, 33, DIGEST_LENGTH",
    "3, 1, 1, 64, DIGEST_LENGTH",
    "3, 1, 2, 63, DIGEST_LENGTH",
    "3, 1, 2, 32, DIGEST_LENGTH",
    "2, 1, 1, 0, DIGEST_LENGTH",
    "3, 0, 0, 32, FULL_DATA_UNPARSABLE",
    "3, 1, 0, 32, FULL_DATA_UNPARSABLE",
    "2, 1, 0, 0, FULL_DATA_UNPARSABLE"
  })
  void judgesEachRecordOnItsOwn_DaneRules4(
      int usage, int selector, int type, int length, String expected) {
    byte[] data = new byte[length];
    Arrays.fill(data, (byte) 0x30);
    Usability u = Usability.of(new TlsaRecord(usage, selector, type, data));
    if (expected.equals("USABLE")) {
      assertThat(u).isInstanceOf(Usability.Usable.class);
    } else {
      assertThat(u).isInstanceOfSatisfying(Usability.Unusable.class,
          un -> assertThat(un.reason()).isEqualTo(UnusableReason.valueOf(expected)));
    }
  }

  @Test
  void shortDigestSaysHowLongItIs() {
    Usability u = Usability.of(new TlsaRecord(3, 1, 1, new byte[31]));
    assertThat(((Usability.Unusable) u).detail()).isEqualTo("SHA2-256 data is 31 bytes, not 32");
  }

  @ParameterizedTest
  @EnumSource(value = KeyType.class, names = {"RSA_2048", "ECDSA_P256", "ED25519"})
  void fullCertificateAndFullKeyParse(KeyType type) {
    X509Certificate leaf = TestPki.chain(type).leaf().certificate();
    for (int usage : new int[] {2, 3}) {
      assertThat(Usability.of(TestPki.tlsa(usage, Selector.CERT, MatchingType.FULL, leaf)))
          .isInstanceOf(Usability.Usable.class);
      assertThat(Usability.of(TestPki.tlsa(usage, Selector.SPKI, MatchingType.FULL, leaf)))
          .isInstanceOf(Usability.Usable.class);
    }
  }

  /**
   * A Full(0) SPKI is usable if its key algorithm is one the platform knows, also by OID alone
   * (X25519, X448: not in FullAssociationData's table), as OpenSSL's d2i_PUBKEY reads any key
   * it implements; an SPKI of an algorithm nobody implements is unusable (dane-rules.md §4).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"X25519, true", "X448, true", "Ed448, true", "1.2.3.4, false"})
  void fullKeyParsesForEveryKeyAlgorithmThePlatformKnows(String algorithm, boolean usable)
      throws Exception {
    byte[] spki = algorithm.equals("1.2.3.4")
        ? new SubjectPublicKeyInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm)),
            new byte[32]).getEncoded()
        : KeyPairGenerator.getInstance(algorithm).generateKeyPair().getPublic().getEncoded();
    Usability u = Usability.of(new TlsaRecord(2, 1, 0, spki));
    assertThat(u).isInstanceOf(usable ? Usability.Usable.class : Usability.Unusable.class);
  }

  @Test
  void fullDataOfTheWrongKindOrWithTrailingBytesIsUnusable() {
    X509Certificate leaf = TestPki.chain(KeyType.ECDSA_P256).leaf().certificate();
    byte[] cert = TestPki.encoded(leaf);
    byte[] spki = leaf.getPublicKey().getEncoded();
    byte[] certPlus = Arrays.copyOf(cert, cert.length + 1);
    byte[] spkiPlus = Arrays.copyOf(spki, spki.length + 1);
    assertThat(Usability.of(new TlsaRecord(3, 0, 0, spki))).isInstanceOf(Usability.Unusable.class);
    assertThat(Usability.of(new TlsaRecord(3, 1, 0, cert))).isInstanceOf(Usability.Unusable.class);
    assertThat(Usability.of(new TlsaRecord(3, 0, 0, certPlus)))
        .isInstanceOf(Usability.Unusable.class);
    assertThat(Usability.of(new TlsaRecord(3, 1, 0, spkiPlus)))
        .isInstanceOf(Usability.Unusable.class);
    assertThat(Usability.of(new TlsaRecord(3, 0, 0, cert))).isInstanceOf(Usability.Usable.class);
  }
}
