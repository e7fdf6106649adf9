package org.loyaltyrules.rules.testing;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs each case of a property test on a worker thread under a time limit, so a case that hangs
 * fails the property instead of hanging the build. A worker stuck in a case is abandoned (it is
 * a daemon) and replaced. One per test class, used by one thread; close it when done.
 */
public final class CaseTimer implements AutoCloseable {
  private final String name;
  private final Duration limit;
  private ExecutorService worker;

  /**
   * Starts a timer whose worker thread is called {@code name}.
   *
   * @param name the worker thread's name, to tell it apart in a thread dump
   * @param limit how long one case may take
   */
  public CaseTimer(String name, Duration limit) {
    this.name = name;
    this.limit = limit;
    this.worker = newWorker();
  }

  private ExecutorService newWorker() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code check}, rethrowing what it throws, and fails naming {@code what} if it takes
   * longer than the limit.
   */
  public void run(Supplier<String> what, Runnable check) {
    Future<?> result = worker.submit(check);
    try {
      result.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      worker.shutdownNow();
      worker = newWorker();
      throw new AssertionError("did not finish within " + limit + ": " + what.get());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError("failed: " + what.get(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("was interrupted: " + what.get(), e);
    }
  }

  /** Stops the worker. */
  @Override
  public void close() {
    worker.shutdownNow();
  }
}
