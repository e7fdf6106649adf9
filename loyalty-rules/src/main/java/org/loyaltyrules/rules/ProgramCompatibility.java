package org.loyaltyrules.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Membership;
import org.loyaltyrules.core.program.Problem;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.rule.EarnRule;

/**
 * Checks a new version of a program against the state stored under the old one: what the new
 * version removes that existing state still refers to. Run it before a program change goes
 * live, so an orphaned balance, tier or membership is found in a test rather than in
 * production.
 *
 * <pre>{@code
 * List<Problem> orphaned = ProgramCompatibility.check(live, proposed);
 * List<Problem> forAna = ProgramCompatibility.check(proposed, anaState);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ProgramCompatibility {
  private ProgramCompatibility() {}

  /**
   * Compares two versions of a program: every unit, tier, membership plan, reward, partner,
   * cause, earning rule, challenge, badge, draw and game that {@code before} has and
   * {@code after} does not. A removed unit, tier, plan, partner or cause is an error — state of
   * the old version holds balances, status, memberships or accounts in it; a removed reward or
   * rule is a warning — vouchers and lots keep their value, but a return can no longer
   * re-evaluate the rule that earned them; so is a removed challenge, badge, draw or game —
   * progress, levels, entries and prize counts stay in state but count for nothing.
   *
   * @param before the version state was stored under
   * @param after the new version
   * @return what the new version orphans, each with its path in {@code before}; empty if
   *     nothing
   * @throws IllegalArgumentException if an argument is null, or the two are not versions of the
   *     same program (different ids or currencies)
   */
  public static List<Problem> check(Program before, Program after) {
    if (before == null || after == null) {
      throw new IllegalArgumentException("both versions of the program must be given");
    }
    if (!before.id().equals(after.id()) || !before.currency().equals(after.currency())) {
      throw new IllegalArgumentException("program " + after.id() + " in "
          + after.currency().getCurrencyCode() + " is not a version of program " + before.id()
          + " in " + before.currency().getCurrencyCode());
    }
    List<Problem> problems = new ArrayList<>();
    removed("units", before.units().keySet(), after.units().keySet(), Problem.Severity.ERROR,
        "members' balances and lots are held in it", problems);
    removed("tiers", tiers(before), tiers(after), Problem.Severity.ERROR,
        "members who hold it would have a tier the program does not know", problems);
    removed("plans", before.plans().keySet(), after.plans().keySet(), Problem.Severity.ERROR,
        "members' memberships are in it", problems);
    removed("partners", before.partners().keySet(), after.partners().keySet(),
        Problem.Severity.ERROR, "the ledger holds its account", problems);
    removed("causes", before.causes().keySet(), after.causes().keySet(),
        Problem.Severity.ERROR, "the ledger holds its account", problems);
    removed("rewards", before.rewards().keySet(), after.rewards().keySet(),
        Problem.Severity.WARNING, "members can no longer redeem it (vouchers already issued for "
            + "it keep their value)", problems);
    removed("earnRules", ids(before.earnRules(), EarnRule::id), ids(after.earnRules(),
        EarnRule::id), Problem.Severity.WARNING, "a return of a purchase it earned on can no longer "
            + "re-evaluate it (the points it earned stay)", problems);
    removed("challenges", before.challenges().keySet(), after.challenges().keySet(),
        Problem.Severity.WARNING, "members' progress toward it is kept but counts for nothing, "
            + "and a return can no longer take back what it granted", problems);
    before.challenges().forEach((id, was) -> {
      org.loyaltyrules.core.program.Challenge now = after.challenges().get(id);
      if (now != null && (was.window() != now.window() || was.goal() != now.goal())) {
        problems.add(Problem.warning("challenges." + id, "its " + (was.goal() != now.goal()
            ? "goal changes from " + was.goal() + " to " + now.goal()
            : "window changes from " + was.window() + " to " + now.window())
            + "; members' progress counted before no longer counts and is dropped"));
      }
    });
    before.badges().forEach((id, was) -> {
      org.loyaltyrules.core.program.Badge now = after.badges().get(id);
      if (now != null && now.levels().size() < was.levels().size()) {
        problems.add(Problem.warning("badges." + id, "it has " + now.levels().size()
            + " levels instead of " + was.levels().size() + "; members who hold a level it no "
            + "longer has hold its highest"));
      }
    });
    removed("badges", before.badges().keySet(), after.badges().keySet(),
        Problem.Severity.WARNING, "members who hold it keep a level the program no longer "
            + "reports", problems);
    removed("draws", before.draws().keySet(), after.draws().keySet(), Problem.Severity.WARNING,
        "the entries the program-level state holds for it can no longer be drawn", problems);
    removed("games", before.games().keySet(), after.games().keySet(), Problem.Severity.WARNING,
        "the prizes the program-level state counts for it stay counted", problems);
    return problems;
  }

  /**
   * Checks one member's stored state against a new version of the program: every unit its
   * lots are in, its tier, its memberships and the rules its lots were earned under, that the
   * program no longer has.
   *
   * @param after the new version of the program
   * @param member the member's stored state
   * @return what of the member's state the program orphans, each with its path in the member's
   *     state; empty if nothing
   * @throws IllegalArgumentException if an argument is null
   */
  public static List<Problem> check(Program after, Member member) {
    if (after == null || member == null) {
      throw new IllegalArgumentException("the program and the member must be given");
    }
    List<Problem> problems = new ArrayList<>();
    Set<RuleId> rules = ids(after.earnRules(), EarnRule::id);
    List<Lot> lots = member.ledger().lots();
    for (int i = 0; i < lots.size(); i++) {
      Lot lot = lots.get(i);
      if (!after.units().containsKey(lot.unit())) {
        problems.add(new Problem("ledger.lots[" + i + "].unit", "unit '" + lot.unit()
            + "' is not in program " + after.id() + "; the lot's " + lot.remaining()
            + " points would be orphaned"));
      }
      if (lot.rule().isPresent() && Challenges.isGrant(lot.rule().get())) {
        String challenge = Challenges.challengeOf(lot.rule().get());
        if (after.challenges().keySet().stream().noneMatch(c -> c.value().equals(challenge))) {
          problems.add(Problem.warning("ledger.lots[" + i + "].rule", "challenge '" + challenge
              + "' is not in program " + after.id() + "; a return can no longer take back what "
              + "it granted"));
        }
      } else if (lot.rule().isPresent() && !isGrant(lot.rule().get())
          && !rules.contains(lot.rule().get())) {
        problems.add(Problem.warning("ledger.lots[" + i + "].rule", "rule '"
            + lot.rule().get() + "' is not in program " + after.id() + "; a return cannot "
            + "re-evaluate it"));
      }
    }
    member.tierId().ifPresent(tier -> {
      if (!tiers(after).contains(tier.value())) {
        problems.add(new Problem("tier", "tier '" + tier + "' is not in program "
            + after.id()));
      }
    });
    for (Membership m : member.memberships().values()) {
      if (!after.plans().containsKey(m.plan())) {
        problems.add(new Problem("memberships." + m.plan(), "plan '" + m.plan()
            + "' is not in program " + after.id()));
      }
    }
    return problems;
  }

  /**
   * Checks the program-level state against a new version: budgets its rules no longer declare.
   *
   * @param after the new version of the program
   * @param state the stored program-level state
   * @return a warning for each budget with spending recorded that no rule declares any more
   * @throws IllegalArgumentException if an argument is null
   */
  public static List<Problem> check(Program after, ProgramState state) {
    if (after == null || state == null) {
      throw new IllegalArgumentException("the program and the program state must be given");
    }
    Set<String> declared = new LinkedHashSet<>();
    after.earnRules().forEach(r -> r.settings().budget().ifPresent(b -> declared.add(
        b.id().value())));
    List<Problem> problems = new ArrayList<>();
    state.budgetsSpent().forEach((budget, spent) -> {
      if (!declared.contains(budget.value())) {
        problems.add(Problem.warning("budgets." + budget, "budget '" + budget + "' has "
            + spent + " points spent but no rule of program " + after.id() + " declares it"));
      }
    });
    return problems;
  }

  private static Set<String> tiers(Program program) {
    Set<String> ids = new LinkedHashSet<>();
    program.tiers().ifPresent(t -> t.tiers().stream().map(Tier::id)
        .forEach(id -> ids.add(id.value())));
    return ids;
  }

  private static <T, I> Set<I> ids(List<T> values, Function<T, I> id) {
    Set<I> ids = new LinkedHashSet<>();
    values.forEach(v -> ids.add(id.apply(v)));
    return ids;
  }

  /** True for the lots the library grants itself: entry bonuses, referral rewards, prizes. */
  private static boolean isGrant(RuleId rule) {
    return Tiers.isEntryBonus(rule) || Referrals.isReferral(rule) || Gamification.isPrize(rule);
  }

  private static void removed(String list, Set<?> before, Set<?> after,
      Problem.Severity severity, String why, List<Problem> problems) {
    for (Object id : before) {
      if (!after.contains(id)) {
        problems.add(new Problem(list + "." + id, severity, "'" + id + "' is removed; "
            + why));
      }
    }
  }
}
