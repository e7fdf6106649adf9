package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.OfferId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.Expression;

/**
 * A limited-time, optionally targeted offer: inside its window, purchases by members of its
 * audience earn points of a unit multiplied, plus an optional fixed bonus. Starbucks' Double Star
 * Day is an offer with multiplier 2 and a one-day window.
 *
 * <p>The window is local date-time in the program's time zone, from inclusive to until
 * exclusive, so "all day on 14 March" means the same in every server's zone.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the offer's id, unique within the program
 * @param name its display name
 * @param from the start of the window, inclusive, in the program's zone
 * @param until the end of the window, exclusive; after {@code from}
 * @param segments the member segments it targets; empty for all
 * @param tiers the tiers it targets; empty for all
 * @param unit the unit whose earning it boosts
 * @param multiplier what points earned are multiplied by; 1 or more
 * @param bonusPoints a fixed bonus per qualifying purchase; zero or more
 * @param when targeting in the expression language that a purchase must also meet, such as
 *     {@code any(line.category == 'outdoor') && dayOfWeek(now.date) >= 6}; empty for none
 */
public record Offer(OfferId id, String name, LocalDateTime from, LocalDateTime until,
    Set<String> segments, Set<TierId> tiers, UnitId unit, BigDecimal multiplier,
    long bonusPoints, Optional<Expression> when) {
  /**
   * Validates and copies the offer.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the name or a
   *     segment is blank, the window is empty, the multiplier is below 1, the bonus negative, or
   *     the offer gives nothing (multiplier 1 and no bonus)
   */
  public Offer {
    Checks.present(id, "offer id");
    Checks.text(name, "offer " + id + ": name");
    Checks.present(from, "offer " + id + ": from");
    Checks.present(until, "offer " + id + ": until");
    checkArgument(until.isAfter(from), "offer %s: until %s must be after from %s", id, until, from);
    segments = Checks.names(segments, "offer " + id + ": segments");
    tiers = Checks.set(tiers, "offer " + id + ": tiers");
    Checks.present(unit, "offer " + id + ": unit");
    Checks.present(multiplier, "offer " + id + ": multiplier");
    checkArgument(multiplier.compareTo(BigDecimal.ONE) >= 0,
        "offer %s: multiplier must be at least 1, was %s", id, multiplier.toPlainString());
    Checks.notNegative(bonusPoints, "offer " + id + ": bonus points");
    checkArgument(multiplier.compareTo(BigDecimal.ONE) > 0 || bonusPoints > 0,
        "offer %s: gives nothing (multiplier 1, no bonus points)", id);
    Checks.present(when, "offer " + id + ": when");
  }

  /**
   * Creates an offer with no expression targeting.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public Offer(OfferId id, String name, LocalDateTime from, LocalDateTime until,
      Set<String> segments, Set<TierId> tiers, UnitId unit, BigDecimal multiplier,
      long bonusPoints) {
    this(id, name, from, until, segments, tiers, unit, multiplier, bonusPoints,
        Optional.empty());
  }

  /** Returns an offer open to every member that multiplies the unit's earning in a window. */
  public static Offer multiplier(String id, String name, LocalDateTime from, LocalDateTime until,
      UnitId unit, BigDecimal multiplier) {
    return new Offer(OfferId.of(id), name, from, until, Set.of(), Set.of(), unit, multiplier, 0);
  }

  /** Returns a copy targeted at the given segments and tiers (empty for all). */
  public Offer targeting(Set<String> segments, Set<TierId> tiers) {
    return new Offer(id, name, from, until, segments, tiers, unit, multiplier, bonusPoints,
        when);
  }

  /**
   * Returns a copy that a purchase must also meet the expression to qualify for; it is parsed
   * and checked (it must be boolean) when the program is compiled.
   *
   * @throws IllegalArgumentException if it is null
   */
  public Offer when(Expression when) {
    return new Offer(id, name, from, until, segments, tiers, unit, multiplier, bonusPoints,
        Optional.of(Checks.present(when, "offer " + id + ": when")));
  }

  /**
   * Returns true if {@code at}, a local date-time in the program's zone, is in the window.
   *
   * @throws IllegalArgumentException if it is null
   */
  public boolean isOpenAt(LocalDateTime at) {
    Checks.present(at, "offer " + id + ": local date-time");
    return !at.isBefore(from) && at.isBefore(until);
  }
}
