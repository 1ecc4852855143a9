package dev.smtpdane.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpReplyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "220 mx.example.test ESMTP | 220 | true  | mx.example.test ESMTP",
      "250-PIPELINING            | 250 | false | PIPELINING",
      "250                       | 250 | true  | ''",
      "250 ''                    | 250 | true  | ''",
      "554 5.7.1 no              | 554 | true  | 5.7.1 no",
      "421-                      | 421 | false | ''",
  })
  void parsesReplyLines_Rfc5321_4_2(String raw, int code, boolean last, String text)
      throws Exception {
    String line = raw.equals("250 ''") ? "250 " : raw;
    assertThat(SmtpReply.parseLine(line)).isEqualTo(new SmtpReply.Line(code, last, text));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"", "22", "abc", "220_x", "2200 x", "620 x", "160 x", "270 x", "x220"})
  void rejectsNonReplyLines_Rfc5321_4_2(String raw) {
    assertThatThrownBy(() -> SmtpReply.parseLine(raw))
        .isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void multiLineReplyKeepsEveryLineAndItsCode_Rfc5321_4_2_1() throws Exception {
    SmtpReply r = SmtpReply.parse(List.of("250-mx.test", "250-SIZE 1000", "250 starttls"));
    assertThat(r.code()).isEqualTo(250);
    assertThat(r.lines()).containsExactly("mx.test", "SIZE 1000", "starttls");
    assertThat(r.ehloKeywords()).containsExactly("SIZE 1000", "starttls");
    assertThat(r.offers("STARTTLS")).isTrue(); // RFC 5321 §2.4: keywords ignore case
    assertThat(r.offers("PIPELINING")).isFalse();
  }

  @Test
  void greetingLineIsNotAnEhloKeyword() throws Exception {
    // The first EHLO line is the server's name: a server named "STARTTLS" offers nothing.
    SmtpReply r = SmtpReply.parse(List.of("250 STARTTLS"));
    assertThat(r.offers("STARTTLS")).isFalse();
  }

  @Test
  void keywordMustBeTheWholeFirstWord() throws Exception {
    SmtpReply r = SmtpReply.parse(List.of("250-mx", "250-XSTARTTLS", "250 STARTTLSX"));
    assertThat(r.offers("STARTTLS")).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mixed codes        | 250-a,251 b",
      "final line first   | 250 a,250 b",
      "ends continuing    | 250-a,250-b",
  })
  void rejectsInconsistentMultiLineReplies_Rfc5321_4_2_1(String name, String lines) {
    assertThatThrownBy(() -> SmtpReply.parse(Arrays.asList(lines.split(","))))
        .isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void oneLineJoinsTextForMessages() throws Exception {
    assertThat(SmtpReply.parse(List.of("454 4.7.0 TLS not available")).oneLine())
        .isEqualTo("454 4.7.0 TLS not available");
    assertThat(SmtpReply.parse(List.of("554-a", "554 b")).oneLine()).isEqualTo("554 a / b");
    assertThat(SmtpReply.parse(List.of("421")).oneLine()).isEqualTo("421");
  }
}
