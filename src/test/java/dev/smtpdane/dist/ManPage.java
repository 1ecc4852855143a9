package dev.smtpdane.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The roff man page {@code smtpdane.1}: prose from a hand-written template
 * (src/dist/man/smtpdane.1.in), the description, options and arguments from the picocli
 * command, so the page cannot drift from {@code -help}. Written directly in man(7) macros, so
 * the build needs no AsciiDoc toolchain.
 */
final class ManPage {
  private ManPage() {}

  /** Fills the template's {@code @NAME@} placeholders; an unknown placeholder is an error. */
  static String render(CommandSpec spec, String template, String version, String date) {
    Map<String, String> values = Map.of(
        "@VERSION@", roff(version),
        "@DATE@", roff(date),
        "@DESCRIPTION@", paragraphs(spec.usageMessage().description()),
        "@ARGUMENTS@", arguments(spec),
        "@OPTIONS@", options(spec));
    String page = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      page = page.replace(e.getKey(), e.getValue());
    }
    Matcher left = Pattern.compile("@[A-Z]+@").matcher(page);
    if (left.find()) {
      throw new IllegalArgumentException("unknown placeholder in man page template: "
          + left.group());
    }
    return page;
  }

  /** One {@code .TP} entry per option, in declaration order, with every name and the value. */
  static String options(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      List<String> names = new ArrayList<>();
      for (String n : o.names()) {
        names.add("\\fB" + roff(n) + "\\fR");
      }
      String head = String.join(", ", names);
      if (o.arity().max() > 0) {
        head += " \\fI" + roff(o.paramLabel()) + "\\fR";
      }
      out.add(".TP\n" + head + "\n" + roff(String.join(" ", o.description())));
    }
    return String.join("\n", out);
  }

  static String arguments(CommandSpec spec) {
    List<String> out = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      out.add(".TP\n\\fI" + roff(p.paramLabel()) + "\\fR\n"
          + roff(String.join(" ", p.description())));
    }
    return String.join("\n", out);
  }

  private static String paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        out.add(roff(line));
      }
    }
    return String.join("\n.PP\n", out);
  }

  /**
   * Escapes text for roff: a backslash is {@code \e}, a hyphen-minus is {@code \-} (so options
   * can be copied from the page), and a line may not start with a control character.
   */
  static String roff(String text) {
    StringBuilder sb = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!sb.isEmpty()) {
        sb.append('\n');
      }
      String escaped = line.replace("\\", "\\e").replace("-", "\\-");
      if (escaped.startsWith(".") || escaped.startsWith("'")) {
        escaped = "\\&" + escaped;
      }
      sb.append(escaped);
    }
    return sb.toString();
  }
}
