package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

class ResolverDisagreementTest {
  @ParameterizedTest(name = "resolver {0}, ours {1}: {2}")
  @CsvSource({
    "SECURE,        SECURE,        false",
    "SECURE,        BOGUS,         true",
    "SECURE,        INSECURE,      true",
    "SECURE,        INDETERMINATE, false",
    "BOGUS,         SECURE,        true",
    "BOGUS,         INSECURE,      true",
    "BOGUS,         BOGUS,         false",
    "BOGUS,         INDETERMINATE, false",
    "INSECURE,      SECURE,        false",
    "INSECURE,      BOGUS,         false",
    "INSECURE,      INSECURE,      false",
    "INDETERMINATE, SECURE,        false",
  })
  void onlyAVouchOrARejectionThatOurValidationContradictsCounts(
      DnssecState resolver, DnssecState ours, boolean disagree) {
    assertThat(ResolverDisagreement.disagree(resolver, ours)).isEqualTo(disagree);
    Answer a = new Answer(DomainName.parse("mx.example.test."), Type.A, ours, Rcode.NOERROR,
        List.of(), List.of(), "", Optional.empty(), Optional.empty(), false)
        .withResolverClaim(new ResolverClaim("127.0.0.1:53", resolver, "detail"));
    assertThat(ResolverDisagreement.among(List.of(a, a))).hasSize(disagree ? 1 : 0);
  }
}
