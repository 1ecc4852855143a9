package dev.smtpdane.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.lab.pki.HeldCertificate;
import dev.smtpdane.lab.pki.KeyType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link CaNames} with test trust stores given through SSL_CERT_FILE / SSL_CERT_DIR. */
class CaNamesTest {
  private static final HeldCertificate ROOT = HeldCertificate.builder()
      .subject("CN=Lab Trust Root,O=Lab Trust,C=DE").ca().keyType(KeyType.RSA_2048).build();
  private static final HeldCertificate ORG_ONLY =
      HeldCertificate.builder().subject("O=Only Org,C=DE").ca().build();
  private static final HeldCertificate NAMELESS =
      HeldCertificate.builder().subject("C=DE,L=Berlin").ca().build();
  private static final HeldCertificate LEAF =
      HeldCertificate.builder().commonName("mx.test").signedBy(ROOT).build();

  @TempDir Path tmp;

  private Path bundle(String name, HeldCertificate... cas) throws Exception {
    StringBuilder text = new StringBuilder("garbage before\n");
    for (HeldCertificate ca : cas) {
      text.append(Pem.encode(ca.certificate()))
          .append("-----BEGIN CERTIFICATE-----\nbroken\n-----END CERTIFICATE-----\n");
    }
    return Files.writeString(tmp.resolve(name), text, StandardCharsets.US_ASCII);
  }

  private static byte[] data(X509Certificate c, int selector, int matchingType)
      throws Exception {
    byte[] raw = selector == 0 ? c.getEncoded() : SubjectPublicKeyInfo.of(c);
    return switch (matchingType) {
      case 1 -> MessageDigest.getInstance("SHA-256").digest(raw);
      case 2 -> MessageDigest.getInstance("SHA-512").digest(raw);
      default -> raw;
    };
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"0, 0", "0, 1", "0, 2", "1, 0", "1, 1", "1, 2"})
  void everySelectorAndMatchingTypeOfAStoreCaIsNamed_Rfc6698_2_1(int selector,
      int matchingType) throws Exception {
    CaNames names = CaNames.fromEnvironment(Map.of("SSL_CERT_FILE",
        bundle("bundle.pem", ORG_ONLY, ROOT).toString()));

    assertThat(names.nameFor(selector, matchingType, data(ROOT.certificate(), selector,
        matchingType))).contains("Lab Trust Root");
    assertThat(names.nameFor(selector, matchingType, data(LEAF.certificate(), selector,
        matchingType))).isEmpty();
  }

  @Test
  void nameIsCnElseOrganisationElseTheDn() throws Exception {
    CaNames names = CaNames.of(List.of(ROOT.certificate(), ORG_ONLY.certificate(),
        NAMELESS.certificate()));
    assertThat(names.nameFor(1, 1, data(ROOT.certificate(), 1, 1))).contains("Lab Trust Root");
    assertThat(names.nameFor(1, 1, data(ORG_ONLY.certificate(), 1, 1))).contains("Only Org");
    assertThat(names.nameFor(1, 1, data(NAMELESS.certificate(), 1, 1)))
        .contains("L=Berlin,C=DE");
  }

  @Test
  void directoriesFromSslCertDirAreColonSeparated() throws Exception {
    Path one = Files.createDirectory(tmp.resolve("one"));
    Path two = Files.createDirectory(tmp.resolve("two"));
    Files.writeString(one.resolve("root.pem"), Pem.encode(ROOT.certificate()));
    Files.write(one.resolve("binary.bin"), new byte[] {0, 1, 2, (byte) 0xff});
    Files.createDirectory(one.resolve("subdir.pem"));
    Files.writeString(two.resolve("org.crt"), Pem.encode(ORG_ONLY.certificate()));
    CaNames names = CaNames.fromEnvironment(Map.of("SSL_CERT_DIR", one + ":" + two + ":"));

    assertThat(names.size()).isEqualTo(2);
    assertThat(names.nameFor(0, 1, data(ORG_ONLY.certificate(), 0, 1))).contains("Only Org");
  }

  @Test
  void missingOrGarbageStoreNamesNothingAndNeverThrows() throws Exception {
    Path garbage = Files.write(tmp.resolve("garbage"), new byte[] {(byte) 0xc3, 0x28, 0});
    for (String file : List.of(tmp.resolve("absent.pem").toString(), garbage.toString(),
        tmp.toString())) {
      CaNames names = CaNames.fromEnvironment(Map.of("SSL_CERT_FILE", file));
      assertThat(names.nameFor(1, 1, data(ROOT.certificate(), 1, 1))).isEmpty();
      assertThat(names.size()).isZero();
    }
  }

  @Test
  void malformedQueriesAreNotNames() throws Exception {
    CaNames names = CaNames.of(List.of(ROOT.certificate()));
    assertThat(names.nameFor(2, 1, data(ROOT.certificate(), 1, 1))).isEmpty();
    assertThat(names.nameFor(1, 3, data(ROOT.certificate(), 1, 1))).isEmpty();
    assertThat(names.nameFor(1, 1, new byte[31])).isEmpty();
    assertThat(names.nameFor(1, 1, null)).isEmpty();
  }

  @Test
  void nothingIsReadUntilTheFirstQuery() throws Exception {
    Path later = tmp.resolve("later.pem");
    CaNames names = CaNames.fromEnvironment(Map.of("SSL_CERT_FILE", later.toString()));
    bundle("later.pem", ROOT); // written after construction: found only if loading is lazy
    assertThat(names.nameFor(1, 1, data(ROOT.certificate(), 1, 1))).contains("Lab Trust Root");
  }

  @Test
  void withoutEnvironmentTheFirstExistingDefaultBundleIsUsed() throws Exception {
    Path first = bundle("first.pem", ROOT);
    Path second = bundle("second.pem", ORG_ONLY);
    CaNames names = CaNames.locate(Map.of(), List.of(tmp.resolve("absent").toString(),
        first.toString(), second.toString()), List.of(tmp.toString()));
    assertThat(names.size()).isEqualTo(1);
    assertThat(names.nameFor(1, 1, data(ROOT.certificate(), 1, 1))).isPresent();
  }

  @Test
  void withoutEnvironmentOrBundleTheDefaultDirectoriesAreRead() throws Exception {
    bundle("only.pem", ORG_ONLY);
    CaNames names = CaNames.locate(Map.of(), List.of(tmp.resolve("absent").toString()),
        List.of(tmp.toString()));
    assertThat(names.nameFor(1, 2, data(ORG_ONLY.certificate(), 1, 2))).contains("Only Org");
  }

  @Test
  void noneNamesNothing() throws Exception {
    assertThat(CaNames.none().nameFor(1, 1, data(ROOT.certificate(), 1, 1))).isEmpty();
  }
}
