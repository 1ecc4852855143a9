package dev.smtpdane.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smtpdane.fuzz.Fuzz;
import dev.smtpdane.fuzz.Mutations;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 8 fuzzing of the SMTP reply parser: whatever bytes a server sends, reading ends in a
 * reply or an IOException (malformed reply, end of stream), never anything else, and a reply
 * read never consumes a byte past its last line end.
 */
class SmtpReplyFuzzTest {
  private final SessionDeadline deadline =
      SessionDeadline.start(Duration.ofMinutes(10), (Closeable) () -> {});

  @AfterEach
  void stopWatchdog() {
    deadline.close();
  }

  /** Reads up to three replies; each one read must end exactly at a line feed. */
  private void readReplies(byte[] stream) throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(stream);
    ReplyReader reader = new ReplyReader(in, deadline);
    for (int i = 0; i < 3; i++) {
      SmtpReply reply = reader.read();
      assertThat(reply.code()).isBetween(200, 599);
      int consumed = stream.length - in.available();
      assertThat(stream[consumed - 1]).isEqualTo((byte) '\n');
      assertThat(reply.oneLine()).isNotNull();
      reply.offers("STARTTLS");
    }
  }

  @Test
  void randomBytesEndInAReplyOrAnIoException() {
    Fuzz.check("smtp-reply-random", Fuzz.tries(3000), Mutations.randomBytes(600),
        this::readReplies, IOException.class);
  }

  @Test
  void mutatedRepliesEndInAReplyOrAnIoException() {
    Fuzz.check("smtp-reply-mutated", Fuzz.tries(4000), Mutations.of(Fuzz.seeds("smtp-reply")),
        this::readReplies, IOException.class);
  }

  @Test
  void longRepeatedInputsAreCutOffByTheLimits() {
    // Endless continuation lines and endless lines: the reader's caps, not memory, end them.
    Function<Random, byte[]> endless = r -> {
      String unit = r.nextBoolean() ? "250-" + "x".repeat(r.nextInt(80)) + "\r\n"
          : "2" + "5".repeat(r.nextInt(3));
      return unit.repeat(20_000 / Math.max(1, unit.length()) + 1)
          .getBytes(StandardCharsets.ISO_8859_1);
    };
    Fuzz.check("smtp-reply-endless", Fuzz.tries(40), endless, this::readReplies,
        MalformedReplyException.class, java.io.EOFException.class);
  }

  @Test
  void replyLineListsParseOrAreRejectedAsMalformed() {
    Function<Random, String> line = Mutations.text(Fuzz.seedLines("smtp-reply"));
    Function<Random, String> random = Mutations.randomText(40);
    Function<Random, List<String>> lines = r -> {
      List<String> out = new ArrayList<>();
      int n = r.nextInt(6);
      for (int i = 0; i < n; i++) {
        out.add((r.nextBoolean() ? line : random).apply(r).strip());
      }
      return out;
    };
    Fuzz.check("smtp-reply-lines", Fuzz.tries(4000), lines, l -> {
      SmtpReply reply = SmtpReply.parse(l);
      assertThat(reply.lines()).hasSameSizeAs(l);
      reply.ehloKeywords();
      reply.offers("PIPELINING");
    }, MalformedReplyException.class);
  }
}
