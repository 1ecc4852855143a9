package dev.smtpdane.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smtpdane.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man page and completion scripts the dist build generates from the picocli command. */
class DistFilesTest {
  static final Path TEMPLATE = Path.of("src/dist/man/smtpdane.1.in");
  private final CommandSpec spec = Cli.newCommandLine().getCommandSpec();

  @Test
  void manPageNamesEveryOptionWithItsValueAndDefault() throws IOException {
    String page = ManPage.render(spec, Files.readString(TEMPLATE), "1.2.3", "2026-01-02");

    assertThat(page).startsWith(".\\\"")
        .contains(".TH SMTPDANE 1 \"2026\\-01\\-02\" \"smtpdane 1.2.3\"");
    for (OptionSpec o : spec.options()) {
      for (String name : o.names()) {
        assertThat(page).as("option %s", name)
            .contains("\\fB" + name.replace("-", "\\-") + "\\fR");
      }
    }
    assertThat(page).contains("\\fB\\-port\\fR, \\fB\\-\\-port\\fR, \\fB\\-p\\fR \\fIPORT\\fR")
        .contains("Default: smtp(25).")
        .contains("Default: 168h.")
        .contains("\\fB\\-aka\\fR, \\fB\\-\\-aka\\fR \\fINAME\\fR\nAlso accept")
        .contains(".TP\n\\fITARGET\\fR\n")
        .doesNotContain("@OPTIONS@").doesNotContain("${");
  }

  @Test
  void manPageTemplateWithAnUnknownPlaceholderIsRejected() {
    assertThat(ManPage.render(spec, ".TH X 1 @DATE@\n", "1", "2026-01-02"))
        .isEqualTo(".TH X 1 2026\\-01\\-02\n");
    assertThatThrownBy(() -> ManPage.render(spec, ".TH X 1 @DAET@\n", "1", "d"))
        .hasMessageContaining("@DAET@");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "plain text|plain text",
    "-mx and --json|\\-mx and \\-\\-json",
    "C:\\dir|C:\\edir",
    ".starts with a dot|\\&.starts with a dot",
    "'quoted at start|\\&'quoted at start",
    "mid.dot 'ok|mid.dot 'ok",
  })
  void roffEscapesBackslashHyphenAndLeadingControlCharacters(String text, String roff) {
    assertThat(ManPage.roff(text)).isEqualTo(roff);
  }

  @Test
  void zshCompletionOffersEveryNameAndKnowsWhichTakeValues() {
    String zsh = ZshCompletion.render(spec);

    assertThat(zsh).startsWith("#compdef smtpdane\n");
    for (OptionSpec o : spec.options()) {
      for (String name : o.names()) {
        assertThat(zsh).as("option %s", name).containsPattern("[)*]" + name + "=?\\[");
      }
    }
    assertThat(zsh)
        .contains("'(--mx)-mx[Arguments are domains\\: look up their MX hosts.]'")
        .contains("'(--port -p)-port=[")
        .contains(":PORT:(smtp submission submissions 25 465 587)'")
        .contains("'*-aka=[")
        .contains("'(- *)-version[")
        .contains("'*:TARGET:_hosts'")
        .doesNotContain("'(--mx)-mx=[");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "a [b] c: d|a \\[b\\] c\\: d",
    "back\\slash|back\\\\slash",
    "plain|plain",
  })
  void zshDescriptionsEscapeArgumentsSyntax(String text, String escaped) {
    assertThat(ZshCompletion.escape(text)).isEqualTo(escaped);
  }

  @Test
  void shellQuotingSurvivesASingleQuote() {
    assertThat(ZshCompletion.quote("it's")).isEqualTo("'it'\\''s'");
    assertThat(ZshCompletion.quote("plain")).isEqualTo("'plain'");
  }

  @Test
  void distFilesWritesManPageAndBothCompletions(@TempDir Path out) throws IOException {
    DistFiles.write(out, TEMPLATE, "1.2.3", "2026-01-02");

    assertThat(Files.readString(out.resolve("man/man1/smtpdane.1"))).contains(".SH OPTIONS");
    String bash = Files.readString(out.resolve("completion/smtpdane.bash"),
        StandardCharsets.UTF_8);
    assertThat(bash).contains("complete -F _complete_smtpdane").contains("--expiration-warning")
        .contains("-nocertnames");
    assertThat(Files.readString(out.resolve("completion/_smtpdane"))).startsWith("#compdef");
  }
}
