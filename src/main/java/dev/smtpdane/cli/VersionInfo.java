package dev.smtpdane.cli;

import picocli.CommandLine.IVersionProvider;

/** `-version`: our version plus the runtime and the libraries a verdict depends on. */
final class VersionInfo implements IVersionProvider {
  /** Our version from the jar manifest, "dev" when run from classes. */
  static String version() {
    String v = VersionInfo.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  @Override
  public String[] getVersion() {
    String version = version();
    return new String[] {
      "smtpdane " + version,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
          + ", " + System.getProperty("java.home") + ")",
    };
  }
}
