package org.loyaltyrules.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.Prize;

/**
 * Runs a sweepstakes draw over the entries in the program-level state. Stateless.
 *
 * <p>The entrants are the members holding entries, in member-id order, each holding a block of
 * consecutive tickets as long as their entries. One number, the seed, is taken from the random
 * source. The draw's prizes are drawn one at a time, each prize as often as its quantity, in
 * declared order: the pick of slot {@code k} (counted from 0 over all prizes) is the
 * {@link Chance} value of the seed with the parts draw id, {@code "slot"} and {@code k} written
 * in decimal, modulo the tickets still in the pool; the member holding that ticket wins, and
 * their tickets leave the pool, so a member wins at most once per run. The pick is uniform
 * over the pool to within pool / 2<sup>64</sup>. When the pool is empty the remaining prizes are
 * not awarded.
 *
 * <p>The changes count the run ({@link ProgramStateChange.DrawRun}, first, also when nobody
 * entered), award the prizes and consume every entry.
 */
final class Sweepstakes {
  private Sweepstakes() {}

  static DrawResult run(Draw draw, ProgramState state, Instant at, RandomGenerator random) {
    DrawId id = draw.id();
    Map<MemberId, Long> held = state.drawEntries(id);
    List<MemberId> pool = new ArrayList<>(held.keySet());
    long entries = 0;
    for (long n : held.values()) {
      entries = Math.addExact(entries, n);
    }
    long seed = random.nextLong();
    long left = entries;
    long slot = 0;
    List<DrawResult.Winner> winners = new ArrayList<>();
    Map<PrizeId, Long> awarded = new LinkedHashMap<>();
    for (Prize prize : draw.prizes()) {
      for (long q = 0; q < prize.quantity() && !pool.isEmpty(); q++, slot++) {
        long ticket = Long.remainderUnsigned(
            Chance.value(seed, id.value(), "slot", Long.toString(slot)), left);
        long below = 0;
        int i = 0;
        while (below + held.get(pool.get(i)) <= ticket) {
          below += held.get(pool.get(i));
          i++;
        }
        MemberId winner = pool.remove(i);
        winners.add(new DrawResult.Winner(prize.id(), winner, ticket, left));
        awarded.merge(prize.id(), 1L, Long::sum);
        left -= held.get(winner);
      }
    }
    List<ProgramStateChange> changes = new ArrayList<>();
    changes.add(new ProgramStateChange.DrawRun(id, Math.addExact(state.drawRuns(id), 1)));
    awarded.forEach((prize, n) -> changes.add(new ProgramStateChange.PrizeAwarded(id, prize, n)));
    held.forEach((member, n) -> changes.add(new ProgramStateChange.DrawEntered(id, member, -n)));
    return new DrawResult(id, at, seed, winners, held.size(), entries, changes);
  }
}
