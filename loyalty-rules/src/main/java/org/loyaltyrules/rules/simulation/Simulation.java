package org.loyaltyrules.rules.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.LocalDate;
import org.loyaltyrules.rules.CompiledProgram;

/**
 * Runs a program over a synthetic population for a number of days, calling the library exactly
 * as a host would, and reports what happened.
 *
 * <p>The host the simulator plays keeps each member's state and the program-level state. A
 * customer who enrols becomes a member at that visit ({@code Member.enroll}, with a birthday or
 * a referrer where the population draws one), pays a paid plan's fee or starts its trial, and
 * reports the account's creation where the program rewards it. A member is decided only when
 * they act: each visit's purchase, a return, an engagement event, a redemption, a donation,
 * paying part of the order with points, a transfer, a renewal fee; a referrer gets a referral
 * credit when a friend's decision announces it. Each decision gets the member's own random
 * source. Vesting, expiry, tier reviews, memberships, dividends and birthdays happen inside
 * those decisions and in the {@code advance} of every member at each calendar month end (in the
 * program's zone) and at the end of the run. Sweepstakes are drawn at the start of each Monday.
 * Non-members buy too, and their spend is counted, but the program never sees them.
 *
 * <p>Everything random derives from the seed: each customer has a stream of their own, so what
 * one customer does does not depend on another. The same program, population, start, length
 * and seed give an equal result on every run. Two programs run with the same population, start,
 * length and seed meet the same customers: who enrols, when they visit and stop coming, and each
 * visit's basket are drawn from streams no program can shift, so the programs can be compared
 * on the same customers; only what a program leads them to do (spend points, return, engage)
 * differs.
 *
 * <pre>{@code
 * SimulationResult year = Simulation.run(compiled, Population.defaults().withCustomers(1_000),
 *     LocalDate.of(2026, 1, 1), 365, 42L);
 * year.points().get(UnitId.of("stars")).outstanding();
 * }</pre>
 *
 * <p>Stateless and thread-safe: runs on different threads share nothing.
 */
public final class Simulation {
  /** The longest run, in days: {@value}. */
  public static final int MAX_DAYS = 3_660;

  private Simulation() {}

  /**
   * Runs a simulation without reporting progress.
   *
   * @see #run(CompiledProgram, Population, LocalDate, int, long, SimulationListener)
   */
  public static SimulationResult run(CompiledProgram program, Population population,
      LocalDate start, int days, long seed) {
    return run(program, population, start, days, seed, SimulationListener.NONE);
  }

  /**
   * Runs a simulation.
   *
   * @param program the compiled program
   * @param population the population to draw customers from
   * @param start the first day simulated, in the program's zone; the run starts at its first
   *     instant
   * @param days how many days to simulate; 1 to {@value #MAX_DAYS}
   * @param seed the seed everything random derives from
   * @param listener told of progress once a simulated week and at the end
   * @return what happened
   * @throws IllegalArgumentException naming the bad value if an argument is null, the number of
   *     days is out of range, or the population's line prices hold no amount in the program's
   *     currency's smallest unit
   */
  public static SimulationResult run(CompiledProgram program, Population population,
      LocalDate start, int days, long seed, SimulationListener listener) {
    checkArgument(program != null, "program must not be null");
    checkArgument(population != null, "population must not be null");
    checkArgument(start != null, "start must not be null");
    checkArgument(days >= 1 && days <= MAX_DAYS, "days must be from 1 to %s, was %s", MAX_DAYS,
        days);
    checkArgument(listener != null, "listener must not be null");
    return new Engine(program, population, start, days, seed, listener).run();
  }
}
