package dev.smtpdane.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionInfoTest {
  @Test
  void versionShowsCommitDateRuntimeAndLibraries() throws IOException {
    Properties build = new Properties();
    try (InputStream in = VersionInfo.class.getResourceAsStream(VersionInfo.BUILD_PROPERTIES)) {
      assertThat(in).as("filtered %s on the class path", VersionInfo.BUILD_PROPERTIES).isNotNull();
      build.load(in);
    }
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-version");

    assertThat(code).isZero();
    String[] lines = out.toString().split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith("smtpdane " + build.getProperty("version") + " (commit ")
        .matches("smtpdane \\S+ \\(commit ([0-9a-f]{12}(-dirty)?|unknown), built "
            + "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    assertThat(lines[1])
        .startsWith("Java " + Runtime.version() + " (" + System.getProperty("java.vendor"));
    // The dnsjava version comes from the jar in use; it must agree with what the build named.
    assertThat(lines[2])
        .isEqualTo("dnsjava " + build.getProperty("dnsjava") + ", Bouncy Castle "
            + build.getProperty("bouncycastle") + ", picocli " + build.getProperty("picocli"));
  }

  @ParameterizedTest
  @CsvSource({
    "3.7.1, 3.7.1",
    "'${dnsjava.version}', unknown",
    "'', unknown",
    "'  ', unknown",
  })
  void unfilteredOrEmptyBuildFieldsReadUnknown(String value, String shown) {
    Properties build = new Properties();
    build.setProperty("dnsjava", value);
    assertThat(VersionInfo.field(build, "dnsjava")).isEqualTo(shown);
    assertThat(VersionInfo.field(new Properties(), "dnsjava")).isEqualTo("unknown");
  }

  /** `-version` must stay fast: no Bouncy Castle class (on this class path, a signed jar). */
  @Test
  void versionLoadsNoBouncyCastleClass() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-verbose:class",
        "-Ddns.server=127.0.0.1:9", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "-version");
    pb.redirectErrorStream(true);
    Process p = pb.start();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(buf);
    }
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = buf.toString(StandardCharsets.UTF_8);

    assertThat(p.exitValue()).isZero();
    // The class-loading log works (our own class shows up), and names no BC class.
    assertThat(log).contains(VersionInfo.class.getName()).contains("smtpdane ");
    assertThat(log).doesNotContain("org.bouncycastle");
  }
}
