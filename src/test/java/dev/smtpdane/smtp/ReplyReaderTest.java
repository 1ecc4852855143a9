package dev.smtpdane.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {
  private final SessionDeadline deadline =
      SessionDeadline.start(Duration.ofMinutes(1), (Closeable) () -> {});

  @AfterEach
  void stopWatchdog() {
    deadline.close();
  }

  private static InputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
  }

  @Test
  void readsOneReplyAndNotOneByteMore() throws Exception {
    InputStream in = bytes("220-first\r\n220 second\r\n250 pipelined\r\n");
    SmtpReply r = new ReplyReader(in, deadline).read();
    assertThat(r.lines()).containsExactly("first", "second");
    // What follows the reply stays in the stream: that is how injection is seen.
    assertThat(in.available()).isEqualTo("250 pipelined\r\n".length());
  }

  @Test
  void acceptsBareLineFeeds() throws Exception {
    assertThat(new ReplyReader(bytes("220 ok\n"), deadline).read().lines())
        .containsExactly("ok");
  }

  @Test
  void lineOfMaximumLengthIsAcceptedOneMoreIsNot() throws Exception {
    String ok = "220 " + "a".repeat(ReplyReader.MAX_LINE - 4);
    assertThat(new ReplyReader(bytes(ok + "\r\n"), deadline).read().code()).isEqualTo(220);
    assertThatThrownBy(() -> new ReplyReader(bytes(ok + "a\r\n"), deadline).read())
        .isInstanceOf(MalformedReplyException.class).hasMessageContaining("longer than");
  }

  @Test
  void hundredLinesAreAcceptedEndlessContinuationIsNot() throws Exception {
    String ninetyNine = "250-x\r\n".repeat(ReplyReader.MAX_LINES - 1);
    assertThat(new ReplyReader(bytes(ninetyNine + "250 end\r\n"), deadline).read().lines())
        .hasSize(ReplyReader.MAX_LINES);
    assertThatThrownBy(() -> new ReplyReader(bytes(ninetyNine + "250-x\r\n250 end\r\n"),
        deadline).read())
        .isInstanceOf(MalformedReplyException.class).hasMessageContaining("more than 100 lines");
  }

  @Test
  void tlsRecordWhereAReplyBelongsIsRecognised() {
    InputStream in = new ByteArrayInputStream(new byte[] {0x16, 0x03, 0x03, 0x00, 0x10});
    assertThatThrownBy(() -> new ReplyReader(in, deadline).read())
        .isInstanceOfSatisfying(MalformedReplyException.class,
            e -> assertThat(e.tlsRecord()).isTrue());
  }

  @Test
  void binaryDataIsRejectedAtTheFirstByte() {
    InputStream in = new ByteArrayInputStream(new byte[] {0x00, (byte) 0xff, '\n'});
    assertThatThrownBy(() -> new ReplyReader(in, deadline).read())
        .isInstanceOfSatisfying(MalformedReplyException.class,
            e -> assertThat(e.tlsRecord()).isFalse())
        .hasMessageContaining("binary data");
  }

  @Test
  void endOfStreamMidReplyIsAnEof() {
    assertThatThrownBy(() -> new ReplyReader(bytes("220-a\r\n220 b"), deadline).read())
        .isInstanceOf(EOFException.class);
  }

  @Test
  void controlCharactersFromTheServerAreEscaped() throws Exception {
    SmtpReply r = new ReplyReader(bytes("220 evil\u001b[31mred\u0000\r\n"), deadline).read();
    assertThat(r.firstLine()).isEqualTo("evil\\x1b[31mred\\x00");
  }

  @Test
  void spentDeadlineStopsReadingEvenWhenDataFlows() {
    SessionDeadline spent = SessionDeadline.start(Duration.ofNanos(1), (Closeable) () -> {});
    try {
      assertThatThrownBy(() -> new ReplyReader(bytes("220 ok\r\n"), spent).read())
          .isInstanceOf(InterruptedIOException.class);
    } finally {
      spent.close();
    }
  }
}
