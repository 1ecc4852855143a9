package dev.smtpdane.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A check's first tasks run on platform threads (so a one-shot check never starts the JDK's
 * virtual-thread pollers, which cost 300 ms at exit), later ones on virtual threads (so a big
 * run never needs thousands of platform threads). All are daemons: none keeps the JVM alive.
 */
class SessionThreadsTest {
  @Test
  void firstThreadsArePlatformDaemonsThenVirtual() {
    SessionThreads threads = new SessionThreads();
    List<Thread> made = new ArrayList<>();
    for (int i = 0; i < SessionThreads.PLATFORM + 5; i++) {
      made.add(threads.newThread(() -> { }));
    }
    assertThat(made.subList(0, SessionThreads.PLATFORM))
        .allSatisfy(t -> assertThat(t.isVirtual()).isFalse())
        .allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    assertThat(made.subList(SessionThreads.PLATFORM, made.size()))
        .allSatisfy(t -> assertThat(t.isVirtual()).isTrue());
  }
}
