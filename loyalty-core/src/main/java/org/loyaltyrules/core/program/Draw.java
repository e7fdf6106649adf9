package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.TimeWindow;

/**
 * A sweepstakes: members earn entries by qualifying activities (a check-in at a participating
 * place, a purchase of at least a minimum spend), and the host runs the draw when its period
 * closes (Swarm's weekly draw for trips, spa days and shopping). Entries are held in the
 * program-level state, not in the member's; running the draw picks winners weighted by entries,
 * each member at most once per run, and consumes every entry, so the next period starts afresh.
 * A return that takes a purchase below the minimum spend withdraws the entries it earned only
 * while they are still in the pool, before the draw runs; withdrawing them frees the period the
 * purchase claimed under {@code frequency}.
 *
 * <pre>{@code
 * Draw weekly = new Draw(DrawId.of("weekly"), "Weekly sweepstakes",
 *     List.of(new EntryTrigger.Event(EngagementType.CHECK_IN,
 *         Map.of("participating", Set.of("yes")))),
 *     1, Frequency.ONCE_PER_DAY, Optional.empty(),
 *     List.of(Prize.of("trip", "A weekend in Lisbon", 1), Prize.of("spa", "A spa day", 2)));
 * }</pre>
 *
 * <p>A draw's odds depend on how many enter, so they cannot be declared beforehand; each run's
 * result states the entrants and entries, so the odds can be published afterwards.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the draw's id, unique among the program's draws and games
 * @param name its display name
 * @param earnedBy what earns entries; at least one trigger. An activity that matches any of them
 *     earns {@code entries} once
 * @param entries how many entries a qualifying activity earns; positive
 * @param frequency how often one member may earn entries, in the program's time zone
 * @param window when activities earn entries, in the program's time zone; always if empty
 * @param prizes what each run gives away, in the order they are drawn; at least one, ids unique
 *     (checked by the program)
 */
public record Draw(DrawId id, String name, List<EntryTrigger> earnedBy, long entries,
    Frequency frequency, Optional<TimeWindow> window, List<Prize> prizes) {
  /** The most entries one activity may earn in a draw: {@value}. */
  public static final long MAX_ENTRIES = 1_000_000;

  /**
   * Validates and copies the draw.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, the
   *     name is blank, there is no trigger or prize, or entries are not from 1 to
   *     {@link #MAX_ENTRIES}
   */
  public Draw {
    Checks.present(id, "draw id");
    Checks.text(name, "draw " + id + ": name");
    earnedBy = Checks.list(earnedBy, "draw " + id + ": earnedBy");
    checkArgument(!earnedBy.isEmpty(), "draw %s: earnedBy must name at least one trigger", id);
    checkArgument(entries > 0 && entries <= MAX_ENTRIES,
        "draw %s: entries must be from 1 to %s, was %s", id, MAX_ENTRIES, entries);
    Checks.present(frequency, "draw " + id + ": frequency");
    Checks.present(window, "draw " + id + ": window");
    prizes = Checks.list(prizes, "draw " + id + ": prizes");
    checkArgument(!prizes.isEmpty(), "draw %s: prizes must name at least one prize", id);
  }

  /** Returns the number of prizes each run gives away: the sum of the prizes' quantities. */
  public long prizeCount() {
    long sum = 0;
    for (Prize prize : prizes) {
      sum = Math.addExact(sum, prize.quantity());
    }
    return sum;
  }
}
