package dev.smtpdane.check;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a {@link Checker} runs its tasks on: the first {@link #PLATFORM} are platform
 * threads, the rest virtual. A virtual thread that blocks in socket I/O starts the JDK's poller
 * threads, which then wait in native code for good, and HotSpot's exit waits 300 ms for threads
 * in native code to settle (VM_Exit::wait_for_threads_in_native_to_block): a third of a one-shot
 * check. A few platform threads cover such a check; a big run, where those 300 ms do not
 * matter, gets virtual threads for everything beyond them.
 */
final class SessionThreads implements ThreadFactory {
  /** Platform threads before virtual ones: one check of a few hosts and addresses. */
  static final int PLATFORM = 16;
  private final AtomicInteger created = new AtomicInteger();

  @Override
  public Thread newThread(Runnable task) {
    return created.getAndIncrement() < PLATFORM
        ? Thread.ofPlatform().daemon().name("smtpdane-check").unstarted(task)
        : Thread.ofVirtual().name("smtpdane-check").unstarted(task);
  }
}
