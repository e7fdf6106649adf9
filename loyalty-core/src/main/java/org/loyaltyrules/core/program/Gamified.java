package org.loyaltyrules.core.program;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.UnitId;

/**
 * The checks {@link Program.Builder#build()} makes of draws and games: ids unique across both
 * (they share the program-level state), prize ids unique in each, grants and minimum spends that
 * resolve and are in the program's currency, and a game's odds: at most 1 in all, and not below
 * {@link InstantWinGame#MINIMUM_ODDS} unless a reason is stated. Stateless.
 */
final class Gamified {
  private Gamified() {}

  /** Checks a grant at a path against the program's units and rewards. */
  @FunctionalInterface
  interface GrantCheck {
    void check(String at, Grant grant, Map<UnitId, PointUnit> units,
        Map<RewardId, Reward> rewards, List<Problem> problems);
  }

  /** Checks that money at a path is in the program's currency. */
  @FunctionalInterface
  interface CurrencyCheck {
    void check(String at, Money money, List<Problem> problems);
  }

  static void check(List<Draw> draws, List<InstantWinGame> games, GrantCheck grants,
      CurrencyCheck currency, Map<UnitId, PointUnit> units, Map<RewardId, Reward> rewards,
      List<Problem> problems) {
    Map<DrawId, String> ids = new HashMap<>();
    for (int i = 0; i < draws.size(); i++) {
      Draw draw = draws.get(i);
      String at = "draws[" + i + "]";
      unique(ids, draw.id(), at, problems);
      triggers(at, draw.earnedBy(), currency, problems);
      Map<PrizeId, Integer> prizeIds = new HashMap<>();
      for (int p = 0; p < draw.prizes().size(); p++) {
        Prize prize = draw.prizes().get(p);
        String prizeAt = at + ".prizes[" + p + "]";
        uniquePrize(prizeIds, prize.id(), p, at, problems);
        Optional<Grant> grant = prize.grant();
        if (grant.isPresent()) {
          grants.check(prizeAt + ".grant", grant.get(), units, rewards, problems);
        }
      }
      try {
        draw.prizeCount();
      } catch (ArithmeticException e) {
        problems.add(new Problem(at + ".prizes", "the prizes' quantities add up to more than "
            + Long.MAX_VALUE));
      }
    }
    for (int i = 0; i < games.size(); i++) {
      InstantWinGame game = games.get(i);
      String at = "games[" + i + "]";
      unique(ids, game.id(), at, problems);
      triggers(at, game.earnedBy(), currency, problems);
      Map<PrizeId, Integer> prizeIds = new HashMap<>();
      for (int p = 0; p < game.prizes().size(); p++) {
        GamePrize prize = game.prizes().get(p);
        uniquePrize(prizeIds, prize.id(), p, at, problems);
        Optional<Grant> grant = prize.grant();
        if (grant.isPresent()) {
          grants.check(at + ".prizes[" + p + "].grant", grant.get(), units, rewards, problems);
        }
      }
      BigDecimal odds = game.odds();
      if (odds.compareTo(BigDecimal.ONE) > 0) {
        problems.add(new Problem(at + ".prizes", "the prizes' odds add up to " + percent(odds)
            + " %; one play can win at most one prize, so they must add up to at most 100 %"));
      } else if (odds.compareTo(InstantWinGame.MINIMUM_ODDS) < 0
          && game.lowOddsReason().isEmpty()) {
        problems.add(new Problem(at + ".prizes", "declared odds of winning " + percent(odds)
            + " % are below the " + percent(InstantWinGame.MINIMUM_ODDS) + " % minimum for a "
            + "game of chance; raise them, or state why this game may be lower in "
            + "lowOddsReason"));
      }
    }
  }

  /** A probability as a percentage, without trailing zeros: 0.1 is {@code 10}. */
  static String percent(BigDecimal probability) {
    BigDecimal p = probability.movePointRight(2).stripTrailingZeros();
    return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
  }

  private static void unique(Map<DrawId, String> ids, DrawId id, String at,
      List<Problem> problems) {
    String first = ids.putIfAbsent(id, at);
    if (first != null) {
      problems.add(new Problem(at + ".id", "'" + id + "' is already used by " + first
          + "; draws and games share their ids, as the program-level state keeps both"));
    }
  }

  private static void uniquePrize(Map<PrizeId, Integer> ids, PrizeId id, int index, String at,
      List<Problem> problems) {
    Integer first = ids.putIfAbsent(id, index);
    if (first != null) {
      problems.add(new Problem(at + ".prizes[" + index + "].id", "'" + id
          + "' is already used by " + at + ".prizes[" + first + "]"));
    }
  }

  private static void triggers(String at, List<EntryTrigger> triggers, CurrencyCheck currency,
      List<Problem> problems) {
    for (int t = 0; t < triggers.size(); t++) {
      if (triggers.get(t) instanceof EntryTrigger.Purchase p) {
        currency.check(at + ".earnedBy[" + t + "].minimumSpend", p.minimumSpend(), problems);
      }
    }
  }
}
