package dev.smtpdane.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/find-jdk.sh, which ./smtpdane, the installed bin/smtpdane and ./run-tests source: a
 * JDK of 21 or newer from JAVA_HOME, else from the java on PATH, else the newest in the JVM
 * directories, and a clear message when there is none. Fake JDKs are directories with a
 * {@code release} file and an executable (never run) bin/java.
 */
class FindJdkScriptTest {
  private static final Path SCRIPT = Path.of("scripts/find-jdk.sh").toAbsolutePath();

  @TempDir Path dir;

  @Test
  void takesJavaHomeWhenItIs21OrNewer() throws Exception {
    Path jdk25 = fakeJdk("jdk-25", "25.0.1", true);

    Result r = find("jdk", Map.of("JAVA_HOME", jdk25.toString(), "PATH", "/nonexistent",
        "SMTPDANE_JVM_DIRS", "/nonexistent"));

    assertThat(r.out()).isEqualTo(jdk25.toString());
  }

  @Test
  void skipsAnOldJavaHomeAndAnOldJavaOnPathForTheNewestInTheJvmDirectories() throws Exception {
    Path jvms = Files.createDirectories(dir.resolve("jvm"));
    Path jdk17 = fakeJdk("jvm/jdk-17", "17.0.15", true);
    fakeJdk("jvm/jdk-21", "21.0.4", true);
    Path jdk24 = fakeJdk("jvm/jdk-24", "24", true);
    fakeJdk("jvm/jre-26", "26", false); // no javac: fine to run with, not to build with
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), jdk17.resolve("bin/java"));
    Files.createSymbolicLink(jvms.resolve("default-java"), jdk24); // aliases are skipped

    Map<String, String> env = Map.of("JAVA_HOME", jdk17.toString(), "PATH",
        bin + ":/usr/bin:/bin", "SMTPDANE_JVM_DIRS", jvms.toString());

    assertThat(find("jdk", env).out()).isEqualTo(jdk24.toString());
    assertThat(find("jre", env).out()).isEqualTo(jvms.resolve("jre-26").toString());
  }

  @Test
  void takesTheJavaOnPathThroughItsSymlinks() throws Exception {
    Path jdk21 = fakeJdk("opt/jdk-21", "21", true);
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), jdk21.resolve("bin/java"));

    Result r = find("jre", Map.of("PATH", bin + ":/usr/bin:/bin",
        "SMTPDANE_JVM_DIRS", "/nonexistent"));

    assertThat(r.out()).isEqualTo(jdk21.toRealPath().toString());
  }

  @Test
  void saysClearlyWhenThereIsNone() throws Exception {
    fakeJdk("jvm/jdk-17", "17.0.15", true);
    Map<String, String> env = Map.of("PATH", "/usr/bin:/bin",
        "SMTPDANE_JVM_DIRS", dir.resolve("jvm").toString());

    Result r = run(". '" + SCRIPT + "'; smtpdane_find_jdk jre || smtpdane_no_jdk", env);

    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("no JDK 21 or newer found").contains("JAVA_HOME");
  }

  @Test
  void readsOldAndNewVersionStrings() throws Exception {
    fakeJdk("a", "1.8.0_402", true);
    fakeJdk("b", "21.0.4+7", true);

    Result r = run(". '" + SCRIPT + "'; smtpdane_java_major '" + dir.resolve("a") + "';"
        + " smtpdane_java_major '" + dir.resolve("b") + "'", Map.of("PATH", "/usr/bin:/bin"));

    assertThat(r.out()).isEqualTo("8\n21");
  }

  private Path fakeJdk(String name, String version, boolean javac) throws IOException {
    Path home = Files.createDirectories(dir.resolve(name));
    Files.writeString(home.resolve("release"),
        "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
    Path bin = Files.createDirectories(home.resolve("bin"));
    executable(bin.resolve("java"));
    if (javac) {
      executable(bin.resolve("javac"));
    }
    return home;
  }

  private static void executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\nexit 99\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private Result find(String need, Map<String, String> env) throws Exception {
    return run(". '" + SCRIPT + "'; smtpdane_find_jdk " + need + " && echo \"$SMTPDANE_JAVA_HOME\"",
        env);
  }

  private static Result run(String script, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
    Map<String, String> e = pb.environment();
    e.clear(); // no JAVA_HOME or PATH of the machine's own
    e.putAll(new HashMap<>(env));
    Process p = pb.start();
    p.getOutputStream().close();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("find-jdk.sh did not finish");
    }
    return new Result(p.exitValue(),
        new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private record Result(int status, String out, String err) {}
}
