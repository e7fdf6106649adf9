package org.loyaltyrules.rules.simulation;

/**
 * Told how far a {@link Simulation} has got, for a progress display. It is called on the thread
 * running the simulation, at the start of every seventh simulated day and once at the end with
 * {@code day == days}; what it does cannot change the result. It must not throw.
 *
 * <p>Implementations decide their own thread-safety; the simulator calls one from one thread.
 */
@FunctionalInterface
public interface SimulationListener {
  /** A listener that does nothing. */
  SimulationListener NONE = (day, days) -> { };

  /**
   * Reports progress.
   *
   * @param day the days simulated so far
   * @param days the days the run simulates in all
   */
  void progress(int day, int days);
}
