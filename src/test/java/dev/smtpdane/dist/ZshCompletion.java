package dev.smtpdane.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A native zsh completion function ({@code _smtpdane}, for a directory on {@code $fpath})
 * generated from the picocli command: every option name with its description, the value it
 * takes, the other spellings of the same option excluded once one is used.
 */
final class ZshCompletion {
  private ZshCompletion() {}

  /** Value completions by parameter label; anything else completes nothing specific. */
  private static final Map<String, String> ACTIONS = Map.of(
      "PORT", "(smtp submission submissions 25 465 587)",
      "TARGET", "_hosts");

  static String render(CommandSpec spec) {
    StringBuilder sb = new StringBuilder();
    sb.append("#compdef ").append(spec.name()).append('\n')
        .append("# zsh completion for ").append(spec.name())
        .append(", generated from its picocli command at build time.\n")
        .append("# Install: put this file in a directory on $fpath, then run compinit.\n\n")
        .append("_arguments -S \\\n");
    List<String> specs = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      specs.addAll(optionSpecs(o));
    }
    specs.add(quote("*:TARGET:" + ACTIONS.get("TARGET")));
    sb.append("  ").append(String.join(" \\\n  ", specs)).append('\n');
    return sb.toString();
  }

  /** One _arguments spec per name of the option, e.g. {@code '(--port -p)-port=[...]:PORT:'}. */
  static List<String> optionSpecs(OptionSpec o) {
    List<String> out = new ArrayList<>();
    String description = escape(String.join(" ", o.description()));
    boolean takesValue = o.arity().max() > 0;
    for (String name : o.names()) {
      String exclusions;
      if (o.usageHelp() || o.versionHelp()) {
        exclusions = "(- *)"; // -help / -version: nothing else makes sense with them
      } else if (o.isMultiValue()) {
        exclusions = "*";
      } else {
        List<String> others = new ArrayList<>(List.of(o.names()));
        others.remove(name);
        exclusions = "(" + String.join(" ", others) + ")";
      }
      String spec = exclusions + name + (takesValue ? "=" : "") + "[" + description + "]";
      if (takesValue) {
        spec += ":" + escape(o.paramLabel()) + ":" + ACTIONS.getOrDefault(o.paramLabel(), "");
      }
      out.add(quote(spec));
    }
    return out;
  }

  /** Escapes the characters _arguments treats specially inside a description or message. */
  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")
        .replace(":", "\\:");
  }

  /** Single-quotes a word for the shell. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
