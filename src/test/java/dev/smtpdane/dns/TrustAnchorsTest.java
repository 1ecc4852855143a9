package dev.smtpdane.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

class TrustAnchorsTest {
  @Test
  void builtInRootHoldsBothRootKskDigests_Rfc4033_2() {
    TrustAnchors root = TrustAnchors.builtInRoot();
    assertThat(root.zones()).containsExactly(Name.root);
    assertThat(root.records(DSRecord.class)).extracting(DSRecord::getFootprint)
        .containsExactly(20326, 38696);
    assertThat(root.records(DSRecord.class)).allSatisfy(ds -> {
      assertThat(ds.getAlgorithm()).isEqualTo(8);
      assertThat(ds.getDigestID()).isEqualTo(2);
    });
    assertThat(org.xbill.DNS.utils.base16.toString(
        root.records(DSRecord.class).get(1).getDigest()))
        .isEqualTo("683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16");
  }

  @Test
  void parsesDsAndDnskeyRecordsWithCommentsAndDirectives() {
    TrustAnchors t = TrustAnchors.parse("""
        ; a private root
        $TTL 3600
        example.test. IN DS 12345 13 2 (
            0123456789ABCDEF0123456789ABCDEF 0123456789ABCDEF0123456789ABCDEF )
        example.test. IN DNSKEY 257 3 13 (
            mdsswUyr3DPW132mOi8V9xESWE8jTo0dxCjjnopKl+GqJxpVXckHAeF+
            KkxLbxILfDLUT0rAK9iUzy1L53eKGQ== )
        """);
    assertThat(t.records()).hasSize(2);
    assertThat(t.zones()).containsExactly(DomainName.parse("example.test."));
    assertThat(t.coveringZone(DomainName.parse("mx.example.test."))).isPresent();
    assertThat(t.coveringZone(DomainName.parse("other.test."))).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ''                                         | holds no DS or DNSKEY record
      '; only a comment'                         | holds no DS or DNSKEY record
      'garbage here'                             | not zone-file syntax: line 1
      '. IN DS 20326 8 2 ZZZZ'                   | not zone-file syntax
      'example.test. IN A 192.0.2.1'             | example.test. A is neither a DS nor a DNSKEY
      '. CH DS 20326 8 1 E06D44B80B8F1D39A95C0B0D7C65D08458E88040' | is not of class IN
      'x. IN DNSKEY 0 3 13 AwEAAQ=='             | lacks the Zone Key flag
      """)
  void garbageIsRejectedWithTheReason(String text, String message) {
    assertThatThrownBy(() -> TrustAnchors.parse(text))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }
}
