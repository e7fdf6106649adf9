/**
 * A seeded, deterministic simulation of a program over a synthetic population, to see what a
 * configuration gives away and earns before it goes live.
 *
 * <p>{@link org.loyaltyrules.rules.simulation.Simulation#run Simulation.run} draws customers
 * from a {@link org.loyaltyrules.rules.simulation.Population} and drives a
 * {@link org.loyaltyrules.rules.CompiledProgram} exactly as a host would: a member is decided
 * only when they act (enrol, buy, return, redeem, check in), the program-level state is kept and
 * every decision's changes applied to it, sweepstakes are drawn weekly, and every member is
 * advanced at each month end and at the end of the run. The
 * {@link org.loyaltyrules.rules.simulation.SimulationResult} holds the totals, a weekly time
 * series of the points liability, the tier distribution by month, the final member states and
 * a record of every customer, from which the metrics of
 * {@code org.loyaltyrules.core.analytics} can be computed.
 *
 * <p>Everything is pure: no clock, no I/O, no floating point; the same inputs and seed give an
 * equal result.
 */
package org.loyaltyrules.rules.simulation;
