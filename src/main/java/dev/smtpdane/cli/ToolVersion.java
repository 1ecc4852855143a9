package dev.smtpdane.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Our version and build fields, from the resource Maven filters. Apart from {@link
 * VersionInfo} (which implements a picocli interface, so the JDK's AOT cache cannot hold it and
 * a plain check would load picocli just to say which version wrote its report).
 */
final class ToolVersion {
  /** Written by Maven resource filtering (pom.xml); fields are "unknown" when not filtered. */
  static final String BUILD_PROPERTIES = "smtpdane-build.properties";

  private ToolVersion() {}

  /** Our version (from the build), "unknown" when run from unfiltered classes. */
  static String version() {
    return field(build(), "version");
  }

  /** The build record; empty when it cannot be read. */
  static Properties build() {
    return load(ToolVersion.class.getResourceAsStream(BUILD_PROPERTIES));
  }

  /** A build field, or "unknown" when missing or left unfiltered (an IDE build). */
  static String field(Properties build, String key) {
    String value = build.getProperty(key, "").trim();
    return value.isEmpty() || value.startsWith("${") ? "unknown" : value;
  }

  static Properties load(InputStream in) {
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
