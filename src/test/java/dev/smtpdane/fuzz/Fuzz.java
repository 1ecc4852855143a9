package dev.smtpdane.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A small mutation fuzzer for the normal test suite (issue 8). Each try draws one input from a
 * generator fed by a seeded {@link Random} (so every failure names the seed and try that
 * replay it) and runs it with a per-try timeout. The oracle: the input gives a result or one
 * of the documented exceptions; anything else, or a try that does not finish, fails.
 *
 * <p>Defaults keep the whole fuzz set to a few seconds; {@code -Dfuzz.tries=N} runs longer and
 * {@code -Dfuzz.seed=S} explores other inputs (e.g. {@code ./run-tests -Dtest='*FuzzTest'
 * -Dfuzz.tries=200000}).
 */
public final class Fuzz {
  /** A hang detector far above what any one input needs, even on a loaded 2-core machine. */
  public static final Duration PER_TRY = Duration.ofSeconds(10);

  private static final ExecutorService RUNNER = Executors.newVirtualThreadPerTaskExecutor();
  private static final long BASE_SEED = Long.getLong("fuzz.seed", 0x5EED_DA4EL);

  private Fuzz() {}

  /** Work on one input that may throw anything; the oracle decides what is allowed. */
  @FunctionalInterface
  public interface Work<T> {
    void run(T input) throws Exception;
  }

  /** How many tries: {@code -Dfuzz.tries} when given, else the target's default. */
  public static int tries(int defaultTries) {
    return Integer.getInteger("fuzz.tries", defaultTries);
  }

  /**
   * Runs {@code tries} inputs from {@code generator} through {@code work}.
   *
   * @param target names the target; with the base seed it fixes the input sequence
   * @param allowed the documented exceptions (a try that throws one of these passes)
   */
  @SafeVarargs
  public static <T> void check(String target, int tries, Function<Random, T> generator,
      Work<T> work, Class<? extends Throwable>... allowed) {
    long seed = BASE_SEED ^ target.hashCode();
    Random random = new Random(seed);
    for (int i = 0; i < tries; i++) {
      T input = generator.apply(random);
      String where = target + " try " + i + " (seed " + seed + ")";
      Future<?> f = RUNNER.submit(() -> {
        work.run(input);
        return null;
      });
      try {
        f.get(PER_TRY.toMillis(), TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (Arrays.stream(allowed).noneMatch(ok -> ok.isInstance(cause))) {
          throw new AssertionError(where + ": input " + show(input)
              + " threw an undocumented " + cause, cause);
        }
      } catch (TimeoutException e) {
        f.cancel(true);
        throw new AssertionError(where + ": input " + show(input) + " did not finish within "
            + PER_TRY);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** The seed files of one target, src/test/resources/fuzz/{target}/*, in a fixed order. */
  public static List<byte[]> seeds(String target) {
    Path dir = Path.of("src/test/resources/fuzz", target);
    List<byte[]> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path p : files) {
        byte[] b = Files.readAllBytes(p);
        out.add(p.toString().endsWith(".hex") ? HexFormat.of().parseHex(
            new String(b, StandardCharsets.US_ASCII).replaceAll("\\s+", "")) : b);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("fuzz corpus " + dir + " is missing", e);
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("fuzz corpus " + dir + " is empty");
    }
    out.sort(Arrays::compare);
    return List.copyOf(out);
  }

  /** Seed files whose every line is one input (for the one-line parsers). */
  public static List<String> seedLines(String target) {
    List<String> out = new ArrayList<>();
    for (byte[] file : seeds(target)) {
      new String(file, StandardCharsets.UTF_8).lines().forEach(out::add);
    }
    return List.copyOf(out);
  }

  static String show(Object input) {
    String s = input instanceof byte[] b ? "hex " + HexFormat.of().formatHex(b)
        : String.valueOf(input);
    return s.length() <= 300 ? "'" + s + "'"
        : "'" + s.substring(0, 300) + "...' (" + s.length() + " chars)";
  }
}
