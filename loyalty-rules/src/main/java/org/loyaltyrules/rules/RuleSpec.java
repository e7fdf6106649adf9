package org.loyaltyrules.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PlanId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Channel;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.member.PurchaseContext;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.Cap;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.OnError;
import org.loyaltyrules.core.rule.RuleSettings;
import org.loyaltyrules.core.rule.Stacking;
import org.loyaltyrules.core.rule.TimeWindow;
import org.loyaltyrules.rules.spi.ConditionExtension;
import org.loyaltyrules.rules.spi.RuleExtension;

/**
 * A rule as compiled: its kind's numbers in the form the evaluator uses, and where it stands.
 * Built once per program; immutable and thread-safe.
 */
sealed interface RuleSpec {
  /** Evaluation order: group ascending, priority descending, then declaration order. */
  Comparator<RuleSpec> ORDER = Comparator.comparing(RuleSpec::head, Head.ORDER);

  Head head();

  /** What every rule has: id, place in the order, audience, window and caps. */
  record Head(RuleId id, int group, int priority, int index, Stacking stacking,
      Audience audience, Optional<TimeWindow> window, List<Cap> caps,
      Optional<org.loyaltyrules.core.rule.Budget> budget, Optional<PlanId> plan,
      Optional<ConditionExtension> condition, OnError onError, Optional<PartnerId> fundedBy) {
    /** Evaluation order: group ascending, priority descending, then declaration order. */
    static final Comparator<Head> ORDER = Comparator.comparingInt(Head::group)
        .thenComparing(Comparator.comparingInt(Head::priority).reversed())
        .thenComparingInt(Head::index);

    static Head of(RuleId id, RuleSettings s, int index) {
      return of(id, s, index, Optional.empty());
    }

    static Head of(RuleId id, RuleSettings s, int index, Optional<ConditionExtension> condition) {
      return new Head(id, s.group(), s.priority(), index, s.stacking(), s.audience(), s.window(),
          s.caps(), s.budget(), Optional.empty(), condition, s.onError(), s.fundedBy());
    }

    Head withPlan(PlanId plan) {
      return new Head(id, group, priority, index, stacking, audience, window, caps, budget,
          Optional.of(plan), condition, onError, fundedBy);
    }

    boolean exclusive() {
      return stacking == Stacking.EXCLUSIVE;
    }

    /**
     * Why the rule does not apply at {@code at}, or empty if it does. The window's local
     * date-times are read in {@code zone} as instants, taking the earlier offset where a clock
     * change repeats an hour, so a window never reopens for the repeated hour.
     */
    Optional<String> whyNot(PurchaseContext member, Optional<Channel> channel, Instant at,
        ZoneId zone) {
      return whyNot(member, channel, Optional.empty(), at, zone);
    }

    /** As above, for an activity paid with {@code instrument} (empty when it names none). */
    Optional<String> whyNot(PurchaseContext member, Optional<Channel> channel,
        Optional<String> instrument, Instant at, ZoneId zone) {
      if (window.isPresent() && (at.isBefore(window.get().from().atZone(zone).toInstant())
          || !at.isBefore(window.get().until().atZone(zone).toInstant()))) {
        return Optional.of("outside its window " + window.get().from() + " to "
            + window.get().until());
      }
      if (plan.isPresent() && !member.activePlans().contains(plan.get())) {
        return Optional.of("membership " + plan.get() + " not active");
      }
      if (audience.birthdayMonth() && !member.birthdayMonth()) {
        return Optional.of("not the member's birthday month");
      }
      if (!audience.includes(member.segments(), member.tier(), member.attributes(), channel,
          instrument, member.birthdayMonth())) {
        return Optional.of("member not in its audience");
      }
      return Optional.empty();
    }
  }

  /** Points per money: {@code points} per {@code per} on matching lines. */
  record Rate(Head head, UnitId unit, BigDecimal points, BigDecimal per, LineFilter lines)
      implements RuleSpec {}

  /** A multiplier of rate points on matching lines; {@code unit} empty for every unit. */
  record Multiplier(Head head, Optional<UnitId> unit, BigDecimal factor, LineFilter lines)
      implements RuleSpec {}

  /** A fixed bonus for a purchase reaching a minimum earning amount (zero for any). */
  record SpendBonus(Head head, UnitId unit, long points, BigDecimal minimum, boolean firstOnly)
      implements RuleSpec {}

  /**
   * Money vouchers for spending: {@code value} for every {@code every} spent, the remainder
   * carried over (Sweetgreen).
   */
  record SpendVoucher(Head head, Money every, Money value, Optional<Period> validity)
      implements RuleSpec {}

  /** A money voucher for the member's first purchase in the rule's audience. */
  record FirstVoucher(Head head, Money value) implements RuleSpec {}

  /** Cashback: {@code percent} of the earning amount as a money voucher. */
  record Cashback(Head head, BigDecimal percent, Optional<Period> validity) implements RuleSpec {}

  /** A grant on the member's birthday or enrollment anniversary. */
  record DateReward(Head head, org.loyaltyrules.core.rule.EarnRule.DateReward.Occasion occasion,
      org.loyaltyrules.core.program.Grant grant, boolean leapDayOnMarchFirst)
      implements RuleSpec {}

  /** An earning rule written in Java, or a formula; {@code note} says which in the trace. */
  record Custom(Head head, UnitId unit, RuleExtension extension, String note)
      implements RuleSpec {}

  /** A fixed bonus for an engagement event. */
  record EventBonus(Head head, UnitId unit, long points, EngagementType event,
      java.util.Map<String, String> attributes, Frequency frequency) implements RuleSpec {}
}
