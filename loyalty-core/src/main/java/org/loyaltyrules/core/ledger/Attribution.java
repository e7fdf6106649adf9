package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RuleId;

/**
 * Where an earning or spending came from: the rule that granted it, the purchase lines it was
 * earned on, the coalition partner that funds or honours it, and a reason for adjustments. Every
 * part is optional; {@link #none()} has none.
 *
 * <p>Immutable and thread-safe.
 */
public final class Attribution {
  private static final Attribution NONE = new Attribution(null, ImmutableList.of(), null, null);

  private final RuleId rule;
  private final ImmutableList<LineId> lines;
  private final PartnerId partner;
  private final String reason;

  private Attribution(RuleId rule, ImmutableList<LineId> lines, PartnerId partner, String reason) {
    this.rule = rule;
    this.lines = lines;
    this.partner = partner;
    this.reason = reason;
  }

  /** Returns an attribution with no parts. */
  public static Attribution none() {
    return NONE;
  }

  /** Returns an attribution to the given rule. */
  public static Attribution rule(RuleId rule) {
    return NONE.withRule(rule);
  }

  /** Returns an attribution with the given reason, for adjustments and closures. */
  public static Attribution reason(String reason) {
    return NONE.withReason(reason);
  }

  /** Returns a copy attributed to the given rule. */
  public Attribution withRule(RuleId rule) {
    checkArgument(rule != null, "rule must not be null");
    return new Attribution(rule, lines, partner, reason);
  }

  /** Returns a copy earned on the given purchase lines. */
  public Attribution withLines(List<LineId> lines) {
    checkArgument(lines != null, "lines must not be null");
    checkArgument(lines.stream().allMatch(Objects::nonNull), "lines must not hold null: %s", lines);
    return new Attribution(rule, ImmutableList.copyOf(lines), partner, reason);
  }

  /**
   * Returns a copy attributed to a coalition partner: for an earning, the partner funds the
   * points; for a spending, the partner honours them.
   */
  public Attribution withPartner(PartnerId partner) {
    checkArgument(partner != null, "partner must not be null");
    return new Attribution(rule, lines, partner, reason);
  }

  /**
   * Returns a copy with the given reason.
   *
   * @throws IllegalArgumentException if the reason is null or blank
   */
  public Attribution withReason(String reason) {
    checkArgument(reason != null && !reason.isBlank(), "reason must not be blank, was '%s'", reason);
    return new Attribution(rule, lines, partner, reason);
  }

  /** Returns the rule, if any. */
  public Optional<RuleId> rule() {
    return Optional.ofNullable(rule);
  }

  /** Returns the purchase lines; empty if none. */
  public List<LineId> lines() {
    return lines;
  }

  /** Returns the partner, if any. */
  public Optional<PartnerId> partner() {
    return Optional.ofNullable(partner);
  }

  /** Returns the reason, if any. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Attribution a && Objects.equals(rule, a.rule) && lines.equals(a.lines)
        && Objects.equals(partner, a.partner) && Objects.equals(reason, a.reason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, lines, partner, reason);
  }

  @Override
  public String toString() {
    return "Attribution[rule=" + rule + ", lines=" + lines + ", partner=" + partner + ", reason="
        + reason + "]";
  }
}
