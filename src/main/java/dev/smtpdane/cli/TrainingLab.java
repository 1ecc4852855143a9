package dev.smtpdane.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The AOT training's lab ({@link TrainingWorld}), run in a JVM of its own when it can be: what a
 * training JVM loads goes into the AOT cache, and every later check loads all of the cache at
 * start-up, so lab classes (zone signing, certificate building, the SMTP server) in it would
 * slow down every check for nothing. If no second JVM can be started, the lab runs in this one.
 *
 * <p>As a program ({@link #main}) it is that second JVM: it starts the lab, prints
 * {@code ready RESOLVER_PORT SMTP_PORT} and serves until its standard input closes.
 */
public final class TrainingLab implements AutoCloseable {
  private static final long START_SECONDS = 60;

  private final int resolverPort;
  private final int smtpPort;
  private final AutoCloseable running;
  private final boolean separateJvm;

  private TrainingLab(int resolverPort, int smtpPort, AutoCloseable running,
      boolean separateJvm) {
    this.resolverPort = resolverPort;
    this.smtpPort = smtpPort;
    this.running = running;
    this.separateJvm = separateJvm;
  }

  /** The lab in a second JVM, or in this one if that fails. */
  static TrainingLab start() throws Exception {
    try {
      return inChildJvm();
    } catch (IOException | RuntimeException e) {
      TrainingWorld world = TrainingWorld.start();
      return new TrainingLab(world.resolverPort(), world.smtpPort(), world, false);
    }
  }

  private static TrainingLab inChildJvm() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xlog:disable", "-cp",
        System.getProperty("java.class.path"), TrainingLab.class.getName()))
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
      String line = CompletableFuture.supplyAsync(() -> readLine(out))
          .get(START_SECONDS, TimeUnit.SECONDS);
      String[] f = line == null ? new String[0] : line.split(" ");
      if (f.length != 3 || !f[0].equals("ready")) {
        throw new IOException("the training lab did not start: " + line);
      }
      return new TrainingLab(Integer.parseInt(f[1]), Integer.parseInt(f[2]), () -> stop(child),
          true);
    } catch (IOException | RuntimeException e) {
      child.destroyForcibly();
      throw e;
    } catch (java.util.concurrent.ExecutionException
        | java.util.concurrent.TimeoutException e) {
      child.destroyForcibly();
      throw new IOException("the training lab did not start", e);
    }
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (IOException e) {
      return null;
    }
  }

  private static void stop(Process child) throws IOException, InterruptedException {
    child.getOutputStream().close(); // the child's cue to close its lab and exit
    if (!child.waitFor(10, TimeUnit.SECONDS)) {
      child.destroyForcibly();
    }
  }

  /** Whether the lab runs in a JVM of its own (else its classes are in this one). */
  boolean separateJvm() {
    return separateJvm;
  }

  String resolver() {
    return "127.0.0.1:" + resolverPort;
  }

  String smtpPort() {
    return Integer.toString(smtpPort);
  }

  @Override
  public void close() throws Exception {
    running.close();
  }

  /** The second JVM: serves the lab until standard input closes. */
  public static void main(String[] args) throws Exception {
    try (TrainingWorld world = TrainingWorld.start()) {
      System.out.println("ready " + world.resolverPort() + " " + world.smtpPort());
      System.out.flush();
      System.in.readAllBytes();
    }
    System.exit(0);
  }
}
