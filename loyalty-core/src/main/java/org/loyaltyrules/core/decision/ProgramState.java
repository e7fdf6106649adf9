package org.loyaltyrules.core.decision;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.loyaltyrules.core.BudgetId;
import org.loyaltyrules.core.CurrencyMismatchException;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.internal.Checks;

/**
 * The state of a program that spans members: points spent from campaign budgets, money accrued
 * with each coalition partner, draw entries and prizes given, and how many times each draw has
 * run. The host keeps it beside the members' states; decisions read it and return
 * {@link ProgramStateChange changes} to it, never touching a hidden static.
 *
 * <p>Immutable and thread-safe: {@link #apply(List)} returns a new state.
 */
public final class ProgramState {
  private final Currency currency;
  private final ImmutableMap<BudgetId, Long> budgetsSpent;
  private final ImmutableMap<PartnerId, Money> settlement;
  private final ImmutableMap<DrawId, ImmutableMap<MemberId, Long>> drawEntries;
  private final ImmutableMap<DrawId, ImmutableMap<PrizeId, Long>> prizesAwarded;
  private final ImmutableMap<DrawId, Long> drawRuns;

  private ProgramState(Currency currency, Map<BudgetId, Long> budgetsSpent,
      Map<PartnerId, Money> settlement, Map<DrawId, ImmutableMap<MemberId, Long>> drawEntries,
      Map<DrawId, ImmutableMap<PrizeId, Long>> prizesAwarded, Map<DrawId, Long> drawRuns) {
    this.currency = currency;
    this.budgetsSpent = ImmutableMap.copyOf(budgetsSpent);
    this.settlement = ImmutableMap.copyOf(settlement);
    this.drawEntries = ImmutableMap.copyOf(drawEntries);
    this.prizesAwarded = ImmutableMap.copyOf(prizesAwarded);
    this.drawRuns = ImmutableMap.copyOf(drawRuns);
  }

  /**
   * Returns the state of a program that has not run yet.
   *
   * @param currency the program's currency, which settlement is kept in
   * @throws IllegalArgumentException if it is null
   */
  public static ProgramState initial(Currency currency) {
    return new ProgramState(Checks.present(currency, "program state currency"), Map.of(),
        Map.of(), Map.of(), Map.of(), Map.of());
  }

  /**
   * Rebuilds a stored program state whose draws have not run yet: {@link #of(Currency, Map,
   * Map, Map, Map, Map)} with no draw runs.
   *
   * @param currency the program's currency
   * @param budgetsSpent the points spent from each budget; each positive
   * @param settlement the money accrued with each partner; each not zero and in {@code currency}
   * @param drawEntries each draw's entries per member; each positive
   * @param prizesAwarded each draw's or game's prizes given away, per prize; each positive
   * @return the state
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, or a
   *     count or amount is out of range
   * @throws CurrencyMismatchException if a settlement is in another currency
   */
  public static ProgramState of(Currency currency, Map<BudgetId, Long> budgetsSpent,
      Map<PartnerId, Money> settlement, Map<DrawId, Map<MemberId, Long>> drawEntries,
      Map<DrawId, Map<PrizeId, Long>> prizesAwarded) {
    return of(currency, budgetsSpent, settlement, drawEntries, prizesAwarded, Map.of());
  }

  /**
   * Rebuilds a stored program state from its parts.
   *
   * @param currency the program's currency
   * @param budgetsSpent the points spent from each budget; each positive
   * @param settlement the money accrued with each partner; each not zero and in {@code currency}
   * @param drawEntries each draw's entries per member; each positive
   * @param prizesAwarded each draw's or game's prizes given away, per prize; each positive
   * @param drawRuns how many times each draw has run; each positive
   * @return the state
   * @throws IllegalArgumentException naming the bad value if a part is null or holds null, or a
   *     count or amount is out of range
   * @throws CurrencyMismatchException if a settlement is in another currency
   */
  public static ProgramState of(Currency currency, Map<BudgetId, Long> budgetsSpent,
      Map<PartnerId, Money> settlement, Map<DrawId, Map<MemberId, Long>> drawEntries,
      Map<DrawId, Map<PrizeId, Long>> prizesAwarded, Map<DrawId, Long> drawRuns) {
    Checks.present(currency, "program state currency");
    Checks.sortedMap(budgetsSpent, "budgets spent").forEach((budget, points) ->
        checkArgument(points > 0, "budgets spent[%s] must be positive, was %s", budget, points));
    Checks.sortedMap(settlement, "settlement").forEach((partner, amount) -> {
      if (!amount.currency().equals(currency)) {
        throw new CurrencyMismatchException(currency, amount.currency(),
            "settlement[" + partner + "]");
      }
      checkArgument(!amount.isZero(), "settlement[%s] must not be zero", partner);
    });
    Map<DrawId, ImmutableMap<MemberId, Long>> entries = new TreeMap<>();
    Checks.sortedMap(drawEntries, "draw entries").forEach((draw, byMember) -> {
      Checks.sortedMap(byMember, "draw entries[" + draw + "]").forEach((member, n) ->
          checkArgument(n > 0, "draw entries[%s][%s] must be positive, was %s", draw, member, n));
      if (!byMember.isEmpty()) {
        entries.put(draw, ImmutableMap.copyOf(new TreeMap<>(byMember)));
      }
    });
    Map<DrawId, ImmutableMap<PrizeId, Long>> prizes = new TreeMap<>();
    Checks.sortedMap(prizesAwarded, "prizes awarded").forEach((draw, byPrize) -> {
      Checks.sortedMap(byPrize, "prizes awarded[" + draw + "]").forEach((prize, n) ->
          checkArgument(n > 0, "prizes awarded[%s][%s] must be positive, was %s", draw, prize,
              n));
      if (!byPrize.isEmpty()) {
        prizes.put(draw, ImmutableMap.copyOf(new TreeMap<>(byPrize)));
      }
    });
    Checks.sortedMap(drawRuns, "draw runs").forEach((draw, runs) ->
        checkArgument(runs > 0, "draw runs[%s] must be positive, was %s", draw, runs));
    return new ProgramState(currency, new TreeMap<>(budgetsSpent), new TreeMap<>(settlement),
        entries, prizes, new TreeMap<>(drawRuns));
  }

  /** Returns the currency settlement is kept in. */
  public Currency currency() {
    return currency;
  }

  /** Returns the points spent from each budget, sorted by budget. */
  public Map<BudgetId, Long> budgetsSpent() {
    return budgetsSpent;
  }

  /** Returns the points spent from one budget; zero if none. */
  public long budgetSpent(BudgetId budget) {
    Checks.present(budget, "budget");
    return budgetsSpent.getOrDefault(budget, 0L);
  }

  /**
   * Returns the money accrued with each partner, sorted by partner: positive where the program
   * owes the partner, negative where the partner owes the program.
   */
  public Map<PartnerId, Money> settlement() {
    return settlement;
  }

  /** Returns every draw's entries per member, sorted by draw and member. */
  public Map<DrawId, Map<MemberId, Long>> drawEntries() {
    return ImmutableMap.copyOf(drawEntries);
  }

  /**
   * Returns the prizes given away per draw or game, and per prize, sorted by draw and prize.
   */
  public Map<DrawId, Map<PrizeId, Long>> prizesAwarded() {
    return ImmutableMap.copyOf(prizesAwarded);
  }

  /** Returns how many times each draw has run, sorted by draw; a draw never run is left out. */
  public Map<DrawId, Long> drawRuns() {
    return drawRuns;
  }

  /**
   * Returns how many times a draw has run; zero if never. The entries members hold belong to
   * the next run, this plus one.
   */
  public long drawRuns(DrawId draw) {
    Checks.present(draw, "draw");
    return drawRuns.getOrDefault(draw, 0L);
  }

  /** Returns the entries of each member in a draw, sorted by member; empty if none. */
  public Map<MemberId, Long> drawEntries(DrawId draw) {
    Checks.present(draw, "draw");
    return drawEntries.getOrDefault(draw, ImmutableMap.of());
  }

  /** Returns the prizes given away in a draw or game, all prizes together; zero if none. */
  public long prizesAwarded(DrawId draw) {
    Checks.present(draw, "draw");
    long sum = 0;
    for (long n : prizesAwarded.getOrDefault(draw, ImmutableMap.of()).values()) {
      sum += n;
    }
    return sum;
  }

  /**
   * Returns how many of one prize of a draw or game were given away; zero if none. An
   * instant-win prize's stock left is its declared stock less this.
   */
  public long prizesAwarded(DrawId draw, PrizeId prize) {
    Checks.present(draw, "draw");
    Checks.present(prize, "prize");
    return prizesAwarded.getOrDefault(draw, ImmutableMap.of()).getOrDefault(prize, 0L);
  }

  /**
   * Returns the state with the changes applied in order. This state is unchanged, also when the
   * method throws.
   *
   * @throws IllegalArgumentException naming the change if one would overflow a count, take a
   *     budget or a member's draw entries below zero, is a draw run other than the draw's next
   *     one, or is null
   * @throws CurrencyMismatchException if a settlement is not in the state's currency
   */
  public ProgramState apply(List<ProgramStateChange> changes) {
    Checks.list(changes, "program state changes");
    Map<BudgetId, Long> budgets = new TreeMap<>(budgetsSpent);
    Map<PartnerId, Money> owed = new TreeMap<>(settlement);
    Map<DrawId, Map<MemberId, Long>> entries = new TreeMap<>();
    drawEntries.forEach((draw, byMember) -> entries.put(draw, new TreeMap<>(byMember)));
    Map<DrawId, Map<PrizeId, Long>> prizes = new TreeMap<>();
    prizesAwarded.forEach((draw, byPrize) -> prizes.put(draw, new TreeMap<>(byPrize)));
    Map<DrawId, Long> runs = new TreeMap<>(drawRuns);
    int i = 0;
    for (ProgramStateChange change : changes) {
      String at = "program state changes[" + i++ + "] " + change;
      if (change instanceof ProgramStateChange.BudgetSpent c) {
        long spent = add(budgets.getOrDefault(c.budget(), 0L), c.points(), at);
        checkArgument(spent >= 0, "%s: budget spent would fall to %s", at, spent);
        putOrRemove(budgets, c.budget(), spent);
      } else if (change instanceof ProgramStateChange.SettlementAccrued c) {
        if (!c.amount().currency().equals(currency)) {
          throw new CurrencyMismatchException(currency, c.amount().currency(), at);
        }
        Money total = owed.getOrDefault(c.partner(), Money.zero(currency)).plus(c.amount());
        if (total.isZero()) {
          owed.remove(c.partner());
        } else {
          owed.put(c.partner(), total);
        }
      } else if (change instanceof ProgramStateChange.DrawEntered c) {
        Map<MemberId, Long> byMember = entries.computeIfAbsent(c.draw(), d -> new TreeMap<>());
        long total = add(byMember.getOrDefault(c.member(), 0L), c.entries(), at);
        checkArgument(total >= 0, "%s: entries would fall to %s", at, total);
        putOrRemove(byMember, c.member(), total);
      } else if (change instanceof ProgramStateChange.PrizeAwarded c) {
        Map<PrizeId, Long> byPrize = prizes.computeIfAbsent(c.draw(), d -> new TreeMap<>());
        byPrize.put(c.prize(), add(byPrize.getOrDefault(c.prize(), 0L), c.prizes(), at));
      } else if (change instanceof ProgramStateChange.DrawRun c) {
        long before = runs.getOrDefault(c.draw(), 0L);
        checkArgument(c.run() == before + 1, "%s: the draw has run %s, so its next run is %s (a "
            + "draw result is applied once, to the state it was drawn from)", at,
            before == 1 ? "once" : before + " times", before + 1);
        runs.put(c.draw(), c.run());
      }
    }
    Map<DrawId, ImmutableMap<MemberId, Long>> frozen = new TreeMap<>();
    entries.forEach((draw, byMember) -> {
      if (!byMember.isEmpty()) {
        frozen.put(draw, ImmutableMap.copyOf(byMember));
      }
    });
    Map<DrawId, ImmutableMap<PrizeId, Long>> given = new TreeMap<>();
    prizes.forEach((draw, byPrize) -> given.put(draw, ImmutableMap.copyOf(byPrize)));
    return new ProgramState(currency, budgets, owed, frozen, given, runs);
  }

  private static long add(long a, long b, String at) {
    long sum = a + b;
    checkArgument(((a ^ sum) & (b ^ sum)) >= 0, "%s: %s + %s overflows a long", at, a, b);
    return sum;
  }

  private static <K> void putOrRemove(Map<K, Long> map, K key, long value) {
    if (value == 0) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProgramState s && currency.equals(s.currency)
        && budgetsSpent.equals(s.budgetsSpent) && settlement.equals(s.settlement)
        && drawEntries.equals(s.drawEntries) && prizesAwarded.equals(s.prizesAwarded)
        && drawRuns.equals(s.drawRuns);
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency, budgetsSpent, settlement, drawEntries, prizesAwarded,
        drawRuns);
  }

  @Override
  public String toString() {
    return "ProgramState[budgets spent " + budgetsSpent + ", settlement " + settlement
        + ", draw entries " + drawEntries + ", prizes " + prizesAwarded + ", draw runs "
        + drawRuns + "]";
  }
}
