package dev.smtpdane.report;

import picocli.CommandLine.Help.Ansi;

/** Colours for people on a terminal: errors red, warnings yellow, matches green. */
public final class Style {
  private final boolean enabled;

  private Style(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Colour only when asked and standard output is a terminal (picocli's AUTO detection, which
   * is not even loaded when no colour is asked for: -nagios, --json, -nocolor, NO_COLOR).
   */
  public static Style of(boolean color) {
    return new Style(color && Ansi.AUTO.enabled());
  }

  public static Style plain() {
    return new Style(false);
  }

  String error(String s) {
    return paint("1;31", s);
  }

  String warning(String s) {
    return paint("33", s);
  }

  String ok(String s) {
    return paint("32", s);
  }

  String bold(String s) {
    return paint("1", s);
  }

  String severity(Severity sev, String s) {
    return switch (sev) {
      case ERROR -> error(s);
      case WARNING -> warning(s);
      case OK -> ok(s);
      case INFO -> s;
    };
  }

  /** Raw SGR codes (not picocli markup, which would interpret text from the network). */
  private String paint(String sgr, String s) {
    return enabled ? "\u001b[" + sgr + "m" + s + "\u001b[0m" : s;
  }
}
