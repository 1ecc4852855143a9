package dev.smtpdane.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** DER for the signature tests: an ECDSA-Sig-Value and its parts, written byte by byte. */
final class DerBytes {
  private DerBytes() {}

  /** SEQUENCE of INTEGERs: an ECDSA-Sig-Value (RFC 3279 §2.2.3) for two values. */
  static byte[] der(BigInteger... values) {
    byte[][] parts = new byte[values.length][];
    for (int i = 0; i < values.length; i++) {
      parts[i] = integer(values[i]);
    }
    return seq(parts);
  }

  static byte[] integer(BigInteger v) {
    return tlv(0x02, v.toByteArray());
  }

  static byte[] seq(byte[]... parts) {
    return tlv(0x30, concat(parts));
  }

  /** Tag, DER length (shortest form), value. */
  static byte[] tlv(int tag, byte[] value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = value.length;
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n & 0xff);
    }
    out.writeBytes(value);
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
