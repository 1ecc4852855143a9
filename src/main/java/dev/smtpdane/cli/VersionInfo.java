package dev.smtpdane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * `-version`: our version, commit and build date, the runtime, and the libraries a verdict
 * depends on. It reads two small resources and nothing else, so it stays fast: Bouncy Castle
 * is never loaded here (its signed-jar checks alone cost ~180 ms), its version comes from the
 * build.
 */
final class VersionInfo implements IVersionProvider {
  /** Our version (from the build), "unknown" when run from unfiltered classes. */
  static String version() {
    return field(load(VersionInfo.class.getResourceAsStream(BUILD_PROPERTIES)), "version");
  }

  /** Written by Maven resource filtering (pom.xml); fields are "unknown" when not filtered. */
  static final String BUILD_PROPERTIES = "smtpdane-build.properties";

  /** dnsjava's own build record: the version actually on the class path, shaded or not. */
  static final String DNSJAVA_POM = "META-INF/maven/dnsjava/dnsjava/pom.properties";

  @Override
  public String[] getVersion() {
    Properties build = load(VersionInfo.class.getResourceAsStream(BUILD_PROPERTIES));
    Properties dnsjava = load(VersionInfo.class.getClassLoader().getResourceAsStream(DNSJAVA_POM));
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
    String value = build.getProperty(key, "").trim();
    return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
  }

  private static Properties load(InputStream in) {
    Properties p = new Properties();
    if (in == null) {
      return p;
    }
    try (in) {
      p.load(in);
      return p;
    } catch (IOException e) {
      return p; // -version must never fail: what could not be read shows as "unknown"
    }
  }
}
