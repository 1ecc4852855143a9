package dev.smtpdane.tls;

import static dev.smtpdane.tls.DerBytes.integer;
import static dev.smtpdane.tls.DerBytes.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SignatureException;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link BcEcdsaVerifier#decode} reads an ECDSA-Sig-Value (RFC 3279 §2.2.3) by the JDK's rules
 * (ECUtil.decodeSignature over DerInputStream in DER mode): what it accepts, it reads to the
 * same r and s; what the JDK refuses, it refuses.
 */
class EcdsaSignatureDecodeTest {
  private static final HexFormat HEX = HexFormat.of();

  @ParameterizedTest(name = "r {0} bytes, s {1} bytes")
  @CsvSource({
      "32, 32", // P-256, short form
      "1, 1",
      "62, 62", // content of exactly 128 bytes: the first that needs the long form
      "61, 62", // 127 bytes: still the short form
      "66, 66", // P-521: 81 xx
      "127, 127", // 258 bytes: 82 01 02
  })
  void readsEveryLengthFormTheJdkTakes(int rLength, int sLength) throws Exception {
    BigInteger r = positive(rLength, 0x11);
    BigInteger s = positive(sLength, 0x22);
    byte[] sig = seq(integer(r), integer(s));
    assertThat(BcEcdsaVerifier.decode(sig)).containsExactly(r, s);
  }

  @ParameterizedTest(name = "length bytes {0}")
  @ValueSource(strings = {"820088", "83000088", "8400000088"})
  void refusesALongLengthThatIsNotTheShortest(String lengthBytes) throws Exception {
    // The 136-byte SEQUENCE of a P-521 signature: 81 88 is its DER length, nothing else is.
    byte[] der = seq(integer(positive(66, 0x11)), integer(positive(66, 0x22)));
    assertThat(HEX.formatHex(der, 0, 3)).isEqualTo("308188");
    assertThat(BcEcdsaVerifier.decode(der)).hasSize(2);
    byte[] longer = java.util.Arrays.copyOf(HEX.parseHex("30" + lengthBytes),
        der.length - 3 + 1 + lengthBytes.length() / 2);
    System.arraycopy(der, 3, longer, 1 + lengthBytes.length() / 2, der.length - 3);
    assertThatThrownBy(() -> BcEcdsaVerifier.decode(longer))
        .isInstanceOf(SignatureException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "3006020180020101", // 80: no 00 pad, read as unsigned 128
      "30070202ff80020101", // a redundant FF, read as unsigned 0xff80
  })
  void readsIntegersAsUnsignedAsTheJdkDoes(String hex) throws Exception {
    BigInteger[] rs = BcEcdsaVerifier.decode(HEX.parseHex(hex));
    assertThat(rs[0]).isEqualTo(new BigInteger(1, HEX.parseHex(hex.substring(8,
        8 + 2 * (HEX.parseHex(hex)[3])))));
    assertThat(rs[1]).isEqualTo(BigInteger.ONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "30", "3000", "300602010102010100", // empty, cut, empty SEQUENCE, trailing data
      "3106020101020101", "3006040101020101", "3006020101040101", // wrong tags
      "3003020101", "3009020101020101020101", // one INTEGER, three
      "3008020101020101", "3006020101020201", // lengths past the end: SEQUENCE, INTEGER
      "300702010102020001", "300702020001020101", // a redundant 00 in s, in r
      "30050200020101", "30050201010200", // an INTEGER of no bytes
      "3080020101020101" + "0000", // indefinite length (BER)
      "308106020101020101", // long form for a short length
      "30820006020101020101", // a long-form length with a leading 00
      "30850000000006020101020101", // five length bytes
      "3084ffffffff020101020101", // a length past 2^31
      "3082", "3081", // length bytes cut off
      "300702810101020101", // long form inside, for a short INTEGER
  })
  void refusesWhatTheJdkRefuses(String hex) {
    assertThatThrownBy(() -> BcEcdsaVerifier.decode(HEX.parseHex(hex)))
        .as(hex).isInstanceOf(SignatureException.class)
        .hasMessage("Invalid encoding for signature");
  }

  /** A positive number of exactly n bytes in DER (top bit clear, so no 00 pad). */
  private static BigInteger positive(int n, int fill) {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) fill);
    b[0] = 0x7f;
    return new BigInteger(1, b);
  }
}
