package dev.smtpdane.cli;

import picocli.CommandLine.IVersionProvider;

/** `-version`: our version plus the runtime and the libraries a verdict depends on. */
final class VersionInfo implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Package p = VersionInfo.class.getPackage();
    String version = p.getImplementationVersion() != null ? p.getImplementationVersion() : "dev";
    return new String[] {
      "smtpdane " + version,
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor")
          + ", " + System.getProperty("java.home") + ")",
    };
  }
}
