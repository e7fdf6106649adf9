package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.PlanId;

/**
 * A member starts the free trial of a paid membership plan. A plan's trial is given once per
 * member; a fee paid during it buys the term that follows it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the trial starts
 * @param plan the plan tried
 */
public record MembershipTrial(ActivityId id, Instant occurredAt, PlanId plan)
    implements Activity {
  private static final String KIND = "membership trial";

  /**
   * Validates the trial.
   *
   * @throws IllegalArgumentException naming the trial and the bad value if any argument is null
   */
  public MembershipTrial {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.notNull(plan, KIND, id, "plan");
  }
}
