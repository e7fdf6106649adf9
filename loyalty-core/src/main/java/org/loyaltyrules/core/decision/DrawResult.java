package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.internal.Checks;

/**
 * The outcome of running a sweepstakes draw over the program-level state: who won what, and
 * what an auditor needs to recompute it — the seed taken from the random source, and for each
 * prize the ticket drawn and the pool of entries it was drawn from.
 *
 * <p>The host announces the winners, delivers the prizes, and applies {@link #changes()} to the
 * program-level state: first the {@link ProgramStateChange.DrawRun run} counted, so that a
 * later return of a purchase whose entries were in this run withdraws none and the result
 * cannot be applied twice, then the prizes awarded, and every entry of the draw consumed so the
 * next period's draw starts afresh. The host stores the result itself as the audit record
 * ({@code StateJson.write(DrawResult)} in loyalty-rules).
 *
 * <p>Immutable and thread-safe.
 *
 * @param draw the draw
 * @param at the instant it was run at
 * @param seed the one number taken from the random source, from which every pick derives
 * @param winners the winners, in the order the prizes were drawn; each member at most once, no
 *     more than the draw's prizes
 * @param entrants how many members held entries
 * @param entries how many entries they held in all
 * @param changes the changes to the program-level state
 */
public record DrawResult(DrawId draw, Instant at, long seed, List<Winner> winners, int entrants,
    long entries, List<ProgramStateChange> changes) {
  /**
   * Validates and copies the result.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, a
   *     count is negative, a member wins twice, or there are more winners than entrants
   */
  public DrawResult {
    Checks.present(draw, "draw");
    Checks.present(at, "draw " + draw + ": instant");
    winners = Checks.list(winners, "draw " + draw + ": winners");
    checkArgument(entrants >= 0 && entries >= 0 && entries >= entrants,
        "draw %s: entrants (%s) and entries (%s) must not be negative, nor entries fewer than "
            + "entrants", draw, entrants, entries);
    checkArgument(winners.size() <= entrants, "draw %s: %s winners among %s entrants", draw,
        winners.size(), entrants);
    Set<MemberId> seen = new HashSet<>();
    for (Winner w : winners) {
      checkArgument(seen.add(w.member()), "draw %s: member %s wins twice", draw, w.member());
    }
    changes = Checks.list(changes, "draw " + draw + ": changes");
  }

  /**
   * One prize drawn: the member holding the drawn ticket wins it.
   *
   * <p>Immutable and thread-safe.
   *
   * @param prize the prize
   * @param member the winner
   * @param ticket the ticket drawn, counted from 0 through the pool's entries with the members
   *     in id order, each member's entries together
   * @param pool how many entries the ticket was drawn from: the entries of the members who had
   *     not yet won
   */
  public record Winner(PrizeId prize, MemberId member, long ticket, long pool) {
    /**
     * Validates the winner.
     *
     * @throws IllegalArgumentException naming the bad value if a part is null or the ticket is
     *     not in the pool
     */
    public Winner {
      Checks.present(prize, "prize");
      Checks.present(member, "prize " + prize + ": winner");
      checkArgument(ticket >= 0 && ticket < pool, "prize %s: ticket %s is not in a pool of %s",
          prize, ticket, pool);
    }
  }
}
