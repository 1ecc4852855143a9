package dev.smtpdane.health;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;

/** Hex spellings used in messages: digests in upper case, serial numbers as OpenSSL prints them. */
final class Hex {
  private Hex() {}

  /** Upper-case hex, no separators, as TLSA records are usually written. */
  static String of(byte[] data) {
    return HexFormat.of().withUpperCase().formatHex(data);
  }

  /** A serial number in upper-case hex with an even number of digits (OpenSSL's spelling). */
  static String serial(BigInteger serial) {
    String s = serial.toString(16).toUpperCase(Locale.ROOT);
    return s.length() % 2 == 0 || s.startsWith("-") ? s : "0" + s;
  }
}
