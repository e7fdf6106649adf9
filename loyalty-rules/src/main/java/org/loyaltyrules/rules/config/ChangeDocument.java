package org.loyaltyrules.rules.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change to the program-level state as stored: an object whose {@code type} names the kind of
 * change, one stable name for each {@link org.loyaltyrules.core.decision.ProgramStateChange}
 * record.
 *
 * <p>All implementations are immutable records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChangeDocument.BudgetSpent.class, name = "budget-spent"),
    @JsonSubTypes.Type(value = ChangeDocument.SettlementAccrued.class,
        name = "settlement-accrued"),
    @JsonSubTypes.Type(value = ChangeDocument.DrawEntered.class, name = "draw-entered"),
    @JsonSubTypes.Type(value = ChangeDocument.PrizeAwarded.class, name = "prize-awarded"),
    @JsonSubTypes.Type(value = ChangeDocument.DrawRun.class, name = "draw-run")})
sealed interface ChangeDocument {

  /** Points spent from a budget; negative when given back. */
  record BudgetSpent(String budget, Long points) implements ChangeDocument {}

  /** Money accrued with a partner. */
  record SettlementAccrued(String partner, String amount, String currency)
      implements ChangeDocument {}

  /** Entries a member gained or lost in a draw. */
  record DrawEntered(String draw, String member, Long entries) implements ChangeDocument {}

  /** Prizes of a draw or game given away. */
  record PrizeAwarded(String draw, String prize, Long prizes) implements ChangeDocument {}

  /** A run of a draw, counted from 1. */
  record DrawRun(String draw, Long run) implements ChangeDocument {}
}
