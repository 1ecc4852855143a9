package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CliSmokeTest {
  @Test
  void legacyTlsEntriesAreRecognised() {
    assertThat(Main.LegacyTls.isLegacyEntry("TLSv1")).isTrue();
    assertThat(Main.LegacyTls.isLegacyEntry("TLS_RSA_*")).isTrue();
    assertThat(Main.LegacyTls.isLegacyEntry("rsa_pkcs1_sha1 usage HandshakeSignature")).isTrue();
    assertThat(Main.LegacyTls.isLegacyEntry("SSLv3")).isFalse();
    assertThat(Main.LegacyTls.isLegacyEntry("RC4")).isFalse();
  }
}
