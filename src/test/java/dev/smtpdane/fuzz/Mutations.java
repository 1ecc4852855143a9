package dev.smtpdane.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Input generators for {@link Fuzz}: mutated seeds (a few random byte-level edits of a corpus
 * entry: bit flips, interesting bytes, insertions, deletions, repeated slices, truncation, the
 * way a mutation fuzzer explores the neighbourhood of valid inputs) and purely random input.
 */
public final class Mutations {
  /** Bytes that matter to the parsers under test: separators, line ends, signs, extremes. */
  private static final byte[] INTERESTING =
      " \t\r\n-+:.[]()0159aAfFxX\u0000\u007f\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  private Mutations() {}

  /** Mutated copies of the seeds; one try in sixteen is a seed as it is. */
  public static Function<Random, byte[]> of(List<byte[]> seeds) {
    return r -> {
      byte[] seed = seeds.get(r.nextInt(seeds.size()));
      return r.nextInt(16) == 0 ? seed.clone() : mutate(seed, r);
    };
  }

  /** Mutated seed lines as text: half decoded as UTF-8 (bad bytes become U+FFFD), half Latin-1. */
  public static Function<Random, String> text(List<String> seeds) {
    Function<Random, byte[]> bytes =
        of(seeds.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList());
    return r -> new String(bytes.apply(r),
        r.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  /** Random bytes of random length up to {@code max}, short inputs more often. */
  public static Function<Random, byte[]> randomBytes(int max) {
    return r -> {
      byte[] b = new byte[r.nextBoolean() ? r.nextInt(16) : r.nextInt(max + 1)];
      r.nextBytes(b);
      return b;
    };
  }

  /** Random text of printable ASCII, interesting bytes and some non-ASCII code points. */
  public static Function<Random, String> randomText(int max) {
    return r -> {
      int n = r.nextBoolean() ? r.nextInt(12) : r.nextInt(max + 1);
      StringBuilder s = new StringBuilder(n);
      for (int i = 0; i < n; i++) {
        switch (r.nextInt(4)) {
          case 0 -> s.append((char) INTERESTING[r.nextInt(INTERESTING.length)]);
          case 1 -> s.appendCodePoint(0x80 + r.nextInt(0x2FF80));
          default -> s.append((char) (0x20 + r.nextInt(0x5f)));
        }
      }
      return s.toString();
    };
  }

  static byte[] mutate(byte[] seed, Random r) {
    byte[] b = seed.clone();
    int edits = 1 + r.nextInt(8);
    for (int i = 0; i < edits; i++) {
      b = edit(b, r);
    }
    return b;
  }

  private static byte[] edit(byte[] b, Random r) {
    int at = b.length == 0 ? 0 : r.nextInt(b.length);
    switch (r.nextInt(7)) {
      case 0 -> {
        if (b.length > 0) {
          b[at] ^= (byte) (1 << r.nextInt(8));
        }
      }
      case 1 -> {
        if (b.length > 0) {
          b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
        }
      }
      case 2 -> {
        byte[] ins = new byte[1 + r.nextInt(8)];
        r.nextBytes(ins);
        b = splice(b, at, 0, ins);
      }
      case 3 -> b = splice(b, at, Math.min(b.length - at, 1 + r.nextInt(8)), new byte[0]);
      case 4 -> {
        int len = Math.min(b.length - at, 1 + r.nextInt(32));
        byte[] slice = Arrays.copyOfRange(b, at, at + len);
        int times = 1 + r.nextInt(r.nextBoolean() ? 4 : 64);
        byte[] repeated = new byte[slice.length * times];
        for (int t = 0; t < times; t++) {
          System.arraycopy(slice, 0, repeated, t * slice.length, slice.length);
        }
        b = splice(b, at, 0, repeated);
      }
      case 5 -> b = Arrays.copyOf(b, at);
      default -> b = splice(b, at, 0, new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]});
    }
    return b;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] out = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
    return out;
  }
}
