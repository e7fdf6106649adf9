package org.loyaltyrules.core.program;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.TimeWindow;

/**
 * An instant-win game: each qualifying activity (a purchase of at least a minimum spend, an
 * engagement event) is one play, which wins at most one prize, each with its declared odds,
 * while the prize's stock lasts. Prize stock is counted in the program-level state.
 *
 * <p>A game of chance must give a fair chance: the program refuses one whose declared odds of
 * winning anything — the sum of its prizes' odds — are below {@link #MINIMUM_ODDS}, 25 %, unless
 * it states in {@code lowOddsReason} why this game may be lower (legal reviewed a national
 * sweepstakes with a grand prize, say).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the game's id, unique among the program's draws and games
 * @param name its display name
 * @param earnedBy what earns a play; at least one trigger. An activity that matches any of them
 *     plays once
 * @param frequency how often one member may play, in the program's time zone
 * @param window when activities earn plays, in the program's time zone; always if empty
 * @param prizes the prizes, in the order their odds are laid out; at least one, ids unique and
 *     odds adding up to at most 1 (checked by the program)
 * @param lowOddsReason why the game may have odds of winning below 25 %; not blank if present
 */
public record InstantWinGame(DrawId id, String name, List<EntryTrigger> earnedBy,
    Frequency frequency, Optional<TimeWindow> window, List<GamePrize> prizes,
    Optional<String> lowOddsReason) {
  /** The least declared odds of winning a game may have without a stated reason: 25 %. */
  public static final BigDecimal MINIMUM_ODDS = new BigDecimal("0.25");

  /**
   * Validates and copies the game.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, the
   *     name or the reason is blank, or there is no trigger or prize
   */
  public InstantWinGame {
    Checks.present(id, "game id");
    Checks.text(name, "game " + id + ": name");
    earnedBy = Checks.list(earnedBy, "game " + id + ": earnedBy");
    checkArgument(!earnedBy.isEmpty(), "game %s: earnedBy must name at least one trigger", id);
    Checks.present(frequency, "game " + id + ": frequency");
    Checks.present(window, "game " + id + ": window");
    prizes = Checks.list(prizes, "game " + id + ": prizes");
    checkArgument(!prizes.isEmpty(), "game %s: prizes must name at least one prize", id);
    Checks.present(lowOddsReason, "game " + id + ": low odds reason");
    lowOddsReason.ifPresent(r -> Checks.text(r, "game " + id + ": low odds reason"));
  }

  /** Returns the declared odds of winning anything in one play: the sum of the prizes' odds. */
  public BigDecimal odds() {
    BigDecimal sum = BigDecimal.ZERO;
    for (GamePrize prize : prizes) {
      sum = sum.add(prize.odds());
    }
    return sum;
  }
}
