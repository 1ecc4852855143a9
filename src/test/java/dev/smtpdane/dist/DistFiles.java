package dev.smtpdane.dist;

import dev.smtpdane.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Build-time generator for the distribution (run by exec-maven-plugin in the {@code dist}
 * profile): the man page and the bash and zsh completion scripts, all from the picocli command.
 * Lives in test scope so it never ships in the jar.
 *
 * <p>Arguments: output directory, man page template, version, build time (ISO-8601; the man
 * page shows its date).
 */
public final class DistFiles {
  private DistFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException("usage: DistFiles OUTDIR TEMPLATE VERSION DATE");
    }
    String day = args[3].length() > 10 ? args[3].substring(0, 10) : args[3];
    write(Path.of(args[0]), Path.of(args[1]), args[2], day);
  }

  /** Writes man/man1/smtpdane.1, completion/smtpdane.bash and completion/_smtpdane. */
  static void write(Path out, Path template, String version, String date) throws IOException {
    CommandLine cl = Cli.newCommandLine();
    String name = cl.getCommandSpec().name();
    String page = ManPage.render(cl.getCommandSpec(),
        Files.readString(template, StandardCharsets.UTF_8), version, date);
    put(out.resolve("man/man1/" + name + ".1"), page);
    put(out.resolve("completion/" + name + ".bash"), AutoComplete.bash(name, cl));
    put(out.resolve("completion/_" + name), ZshCompletion.render(cl.getCommandSpec()));
  }

  private static void put(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
