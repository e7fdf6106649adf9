package org.loyaltyrules.core.rule;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.internal.Checks;

/**
 * What every rule declares besides its kind: where it stands in evaluation order, how it stacks,
 * who it applies to, when, its caps and campaign budget, and what happens if it fails.
 *
 * <p>Rules are evaluated by group (ascending), then by priority (descending), then in
 * declaration order — never by anything like edit time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the rule's group; 0 or more
 * @param priority its priority within the group; higher first
 * @param stacking whether it stacks with the rest of its group or excludes it
 * @param audience who it applies to
 * @param window when it applies, in the program's zone; empty for always
 * @param caps its caps, at most one per scope
 * @param budget the campaign budget it draws on, if any
 * @param condition a condition written in Java that must also hold, if any
 * @param when a condition in the expression language that must also hold, if any
 * @param onError what happens when it cannot be evaluated
 * @param fundedBy the coalition partner that funds the points the rule grants, whatever partner
 *     the purchase was made with (a co-branded card's issuer, say); empty for the purchase's
 *     partner, or the operator
 */
public record RuleSettings(int group, int priority, Stacking stacking, Audience audience,
    Optional<TimeWindow> window, List<Cap> caps, Optional<Budget> budget,
    Optional<CustomCondition> condition, Optional<Expression> when, OnError onError,
    Optional<PartnerId> fundedBy) {
  private static final RuleSettings DEFAULTS = new RuleSettings(0, 0, Stacking.STACKABLE,
      Audience.everyone(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
      Optional.empty(), OnError.SKIP_RULE, Optional.empty());

  /**
   * Validates and copies the settings.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the group is
   *     negative, or two caps have the same scope
   */
  public RuleSettings {
    checkArgument(group >= 0, "rule group must not be negative, was %s", group);
    Checks.present(stacking, "stacking");
    Checks.present(audience, "audience");
    Checks.present(window, "window");
    caps = Checks.list(caps, "caps");
    Set<CapScope> scopes = EnumSet.noneOf(CapScope.class);
    for (Cap cap : caps) {
      checkArgument(scopes.add(cap.scope()), "caps: two caps per %s", cap.scope());
    }
    Checks.present(budget, "budget");
    Checks.present(condition, "condition");
    Checks.present(when, "when");
    Checks.present(onError, "on error");
    Checks.present(fundedBy, "funded by");
  }

  /**
   * Creates settings whose points the purchase's partner, or the operator, funds.
   *
   * @throws IllegalArgumentException as the canonical constructor does
   */
  public RuleSettings(int group, int priority, Stacking stacking, Audience audience,
      Optional<TimeWindow> window, List<Cap> caps, Optional<Budget> budget,
      Optional<CustomCondition> condition, Optional<Expression> when, OnError onError) {
    this(group, priority, stacking, audience, window, caps, budget, condition, when, onError,
        Optional.empty());
  }

  /**
   * Returns a copy whose points the given coalition partner funds (checked by the program).
   *
   * @throws IllegalArgumentException if the partner is null
   */
  public RuleSettings fundedBy(PartnerId partner) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        when, onError, Optional.of(Checks.present(partner, "funded by")));
  }

  /** Returns the defaults: group 0, priority 0, stackable, everyone, always, no caps, skip. */
  public static RuleSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a copy in the given group with the given priority. */
  public RuleSettings order(int group, int priority) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        when, onError, fundedBy);
  }

  /** Returns a copy with the given stacking. */
  public RuleSettings stacking(Stacking stacking) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        when, onError, fundedBy);
  }

  /** Returns a copy for the given audience. */
  public RuleSettings audience(Audience audience) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        when, onError, fundedBy);
  }

  /** Returns a copy that applies only inside the window. */
  public RuleSettings window(TimeWindow window) {
    return new RuleSettings(group, priority, stacking, audience,
        Optional.of(Checks.present(window, "window")), caps, budget, condition, when,
        onError, fundedBy);
  }

  /** Returns a copy with the given caps. */
  public RuleSettings caps(Cap... caps) {
    return new RuleSettings(group, priority, stacking, audience, window, List.of(caps), budget,
        condition, when, onError, fundedBy);
  }

  /** Returns a copy drawing on the given campaign budget. */
  public RuleSettings budget(Budget budget) {
    return new RuleSettings(group, priority, stacking, audience, window, caps,
        Optional.of(Checks.present(budget, "budget")), condition, when, onError, fundedBy);
  }

  /** Returns a copy that applies only when the Java condition also holds. */
  public RuleSettings condition(CustomCondition condition) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget,
        Optional.of(Checks.present(condition, "condition")), when, onError, fundedBy);
  }

  /**
   * Returns a copy that applies only when the expression also holds, such as
   * {@code sum(line.quantity, line.category == 'outdoor') >= 3}. The expression is parsed and
   * checked (it must be boolean) when the program is compiled.
   */
  public RuleSettings when(Expression when) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        Optional.of(Checks.present(when, "when")), onError, fundedBy);
  }

  /** Returns a copy with the given error handling. */
  public RuleSettings onError(OnError onError) {
    return new RuleSettings(group, priority, stacking, audience, window, caps, budget, condition,
        when, onError, fundedBy);
  }
}
