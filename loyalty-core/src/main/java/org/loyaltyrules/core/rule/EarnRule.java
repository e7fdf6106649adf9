package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.internal.Checks;
import org.loyaltyrules.core.program.Grant;

/**
 * A built-in earning rule, as data. Each kind says what it grants and on what; its
 * {@link RuleSettings} say where it stands in evaluation order, who it applies to, when, and its
 * caps. The rules module compiles every built-in kind into plain Java; an expression runs only
 * where the program writes one ({@link Formula}, {@link RuleSettings#when()}).
 *
 * <p>All implementations are immutable and thread-safe records.
 */
public sealed interface EarnRule {
  /** Returns the rule's id, unique within the program. */
  RuleId id();

  /** Returns the rule's settings. */
  RuleSettings settings();

  /**
   * Points per amount of money spent on matching lines: Starbucks' 2 stars per $1 is
   * {@code points 2 per USD 1}. Points are computed exactly, then rounded as the program's
   * {@link EarnPolicy} declares.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit granted
   * @param points how many points per {@code per}; positive, may be fractional
   * @param per the amount of money that earns {@code points}; positive, in the program's
   *     currency (checked by the program)
   * @param lines the lines that earn; {@link LineFilter#all()} for all
   */
  record Rate(RuleId id, RuleSettings settings, UnitId unit, BigDecimal points, Money per,
      LineFilter lines) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public Rate {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      Checks.positive(points, "rule " + id + ": points");
      Checks.present(per, "rule " + id + ": per");
      checkArgument(per.isPositive(), "rule %s: per must be positive, was %s", id, per);
      Checks.present(lines, "rule " + id + ": lines");
    }

    /** Returns a rate of {@code points} per {@code per} on every line, with default settings. */
    public static Rate of(String id, UnitId unit, long points, Money per) {
      return new Rate(RuleId.of(id), RuleSettings.defaults(), unit, BigDecimal.valueOf(points),
          per, LineFilter.all());
    }
  }

  /**
   * Multiplies what the rate rules earn on matching lines: a category or sku multiplier, or,
   * with a window in its settings, a time-limited one. Multipliers of one line add their extra
   * parts: a 2x and a 3x together give 4x, unless the program's stacking says otherwise.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit whose earning it multiplies
   * @param factor the multiplier; more than 1
   * @param lines the lines it applies to
   */
  record Multiplier(RuleId id, RuleSettings settings, UnitId unit, BigDecimal factor,
      LineFilter lines) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public Multiplier {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      Checks.present(factor, "rule " + id + ": factor");
      checkArgument(factor.compareTo(BigDecimal.ONE) > 0, "rule %s: factor must be more than 1, "
          + "was %s", id, factor.toPlainString());
      Checks.present(lines, "rule " + id + ": lines");
    }
  }

  /**
   * A fixed bonus for an engagement event, as often as {@code frequency} allows: 100 points for
   * creating an account, once ever.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit granted
   * @param points the bonus; positive
   * @param event the event type
   * @param attributes attribute values the event must all have, for example {@code network:
   *     instagram}; empty for none
   * @param frequency how often one member may earn it
   */
  record EventBonus(RuleId id, RuleSettings settings, UnitId unit, long points,
      EngagementType event, Map<String, String> attributes, Frequency frequency)
      implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public EventBonus {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      checkArgument(points > 0, "rule %s: points must be positive, was %s", id, points);
      Checks.present(event, "rule " + id + ": event");
      attributes = Checks.sortedMap(attributes, "rule " + id + ": attributes");
      Checks.present(frequency, "rule " + id + ": frequency");
    }
  }

  /**
   * A fixed bonus for a purchase whose earning amount reaches a minimum. A return that takes the
   * remaining order below the minimum takes the bonus back.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit granted
   * @param points the bonus; positive
   * @param minimum the least earning amount; positive, in the program's currency
   */
  record MinimumSpendBonus(RuleId id, RuleSettings settings, UnitId unit, long points,
      Money minimum) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public MinimumSpendBonus {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      checkArgument(points > 0, "rule %s: points must be positive, was %s", id, points);
      Checks.present(minimum, "rule " + id + ": minimum");
      checkArgument(minimum.isPositive(), "rule %s: minimum must be positive, was %s", id,
          minimum);
    }
  }

  /**
   * A grant for the member's first purchase in the rule's audience (for example the first online
   * order): points, a voucher, or a free reward.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param grant what it gives
   */
  record FirstPurchase(RuleId id, RuleSettings settings, Grant grant) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public FirstPurchase {
      check(id, settings);
      Checks.present(grant, "rule " + id + ": grant");
    }
  }

  /**
   * A money voucher for every {@code every} spent, the remainder carrying over to later
   * purchases: Sweetgreen's $5 for every $35.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param every the spend that earns one voucher; positive
   * @param value each voucher's value; positive
   * @param validity how long a voucher can be used; empty for no expiry
   */
  record SpendVoucher(RuleId id, RuleSettings settings, Money every, Money value,
      Optional<Period> validity) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public SpendVoucher {
      check(id, settings);
      Checks.present(every, "rule " + id + ": every");
      checkArgument(every.isPositive(), "rule %s: every must be positive, was %s", id, every);
      Checks.present(value, "rule " + id + ": value");
      checkArgument(value.isPositive(), "rule %s: value must be positive, was %s", id, value);
      checkValidity(id, validity);
    }
  }

  /**
   * Cashback: a percentage of the earning amount back as a money voucher.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param percent the percentage; more than 0 and at most 100
   * @param validity how long a voucher can be used; empty for no expiry
   */
  record Cashback(RuleId id, RuleSettings settings, BigDecimal percent,
      Optional<Period> validity) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public Cashback {
      check(id, settings);
      Checks.positive(percent, "rule " + id + ": percent");
      checkArgument(percent.compareTo(BigDecimal.valueOf(100)) <= 0,
          "rule %s: percent must be at most 100, was %s", id, percent.toPlainString());
      checkValidity(id, validity);
    }
  }

  /**
   * A grant on a member's birthday or enrollment anniversary, given when time reaches the start
   * of that day in the program's zone: Starbucks' birthday free drink. A 29 February birthday is
   * celebrated on 28 February in other years, or on 1 March if the rule says so.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param occasion the birthday or the enrollment anniversary
   * @param grant what it gives
   * @param leapDayOnMarchFirst whether a 29 February birthday falls on 1 March in other years
   *     rather than on 28 February
   */
  record DateReward(RuleId id, RuleSettings settings, Occasion occasion, Grant grant,
      boolean leapDayOnMarchFirst) implements EarnRule {
    /** The day a date reward is given on. */
    public enum Occasion {
      /** The member's birthday. */
      BIRTHDAY,
      /** The anniversary of the member's enrollment, from the first year on. */
      ANNIVERSARY
    }

    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public DateReward {
      check(id, settings);
      Checks.present(occasion, "rule " + id + ": occasion");
      Checks.present(grant, "rule " + id + ": grant");
    }

    /** Returns a birthday reward with default settings, 29 February on 28 February. */
    public static DateReward birthday(String id, Grant grant) {
      return new DateReward(RuleId.of(id), RuleSettings.defaults(), Occasion.BIRTHDAY, grant,
          false);
    }
  }

  /**
   * A rule written in Java: points of a unit computed by the extension registered under
   * {@code kind} when the program is compiled, with the same settings, caps and trace as the
   * built-in kinds.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit granted
   * @param kind the name the extension is registered under
   * @param parameters the extension's parameters, as the program states them
   */
  record Custom(RuleId id, RuleSettings settings, UnitId unit, String kind,
      Map<String, String> parameters) implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public Custom {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      Checks.text(kind, "rule " + id + ": kind");
      parameters = Checks.sortedMap(parameters, "rule " + id + ": parameters");
    }
  }

  /**
   * Points from a formula in the expression language, for what the built-in kinds do not
   * cover: {@code inSegment('students') ? floor(order.total) * 2 + 50 : 0}. The formula must be
   * numeric; it is checked when the program is compiled. Its value is turned into points with
   * the program's {@link EarnPolicy#mode() rounding}; zero grants nothing, and a negative value,
   * a division by zero or a value beyond the ledger's ceiling is an evaluation error, handled as
   * the rule's {@link RuleSettings#onError()} says.
   *
   * @param id the rule's id
   * @param settings its settings
   * @param unit the unit granted
   * @param points the formula giving the points, before caps
   */
  record Formula(RuleId id, RuleSettings settings, UnitId unit, Expression points)
      implements EarnRule {
    /** Validates the rule; throws {@link IllegalArgumentException} naming a bad value. */
    public Formula {
      check(id, settings);
      Checks.present(unit, "rule " + id + ": unit");
      Checks.present(points, "rule " + id + ": points");
    }

    /** Returns a formula rule with default settings. */
    public static Formula of(String id, UnitId unit, String points) {
      return new Formula(RuleId.of(id), RuleSettings.defaults(), unit, Expression.of(points));
    }
  }

  private static void check(RuleId id, RuleSettings settings) {
    Checks.present(id, "rule id");
    Checks.present(settings, "rule " + id + ": settings");
  }

  private static void checkValidity(RuleId id, Optional<Period> validity) {
    Checks.present(validity, "rule " + id + ": validity");
    validity.ifPresent(v -> checkArgument(!v.isNegative() && !v.isZero(),
        "rule %s: validity must be positive, was %s", id, v));
  }
}
