package dev.smtpdane.cli;

import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * `-version`: our version, commit and build date, the runtime, and the libraries a verdict
 * depends on. It reads two small resources and nothing else, so it stays fast: Bouncy Castle
 * is never loaded here (its classes cost start-up time, and ~180 ms more to verify where its
 * jar is still signed, as on a development class path), its version comes from the build.
 */
final class VersionInfo implements IVersionProvider {
  /** Written by Maven resource filtering (pom.xml); fields are "unknown" when not filtered. */
  static final String BUILD_PROPERTIES = ToolVersion.BUILD_PROPERTIES;

  /** dnsjava's own build record: the version actually on the class path, shaded or not. */
  static final String DNSJAVA_POM = "META-INF/maven/dnsjava/dnsjava/pom.properties";

  @Override
  public String[] getVersion() {
    Properties build = ToolVersion.build();
    Properties dnsjava =
        ToolVersion.load(VersionInfo.class.getClassLoader().getResourceAsStream(DNSJAVA_POM));
    String dnsjavaVersion = dnsjava.getProperty("version", field(build, "dnsjava"));
    return new String[] {
      "smtpdane " + field(build, "version") + " (commit " + field(build, "commit")
          + ", built " + field(build, "date") + ")",
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ", "
          + System.getProperty("java.home") + ") on " + System.getProperty("os.name") + " "
          + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
      "dnsjava " + dnsjavaVersion + ", Bouncy Castle " + field(build, "bouncycastle")
          + ", picocli " + CommandLine.VERSION,
    };
  }

  /** A build field, or "unknown" when missing or left unfiltered (an IDE build). */
  static String field(Properties build, String key) {
    return ToolVersion.field(build, key);
  }
}
