package org.loyaltyrules.core.activity;

import java.time.Instant;
import org.loyaltyrules.core.ActivityId;

/**
 * The member's account is closed, by the member or by the program, with the reason.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the activity id the host assigned
 * @param occurredAt when the account was closed
 * @param reason why, for the audit trail; not blank
 */
public record AccountClosure(ActivityId id, Instant occurredAt, String reason)
    implements Activity {
  private static final String KIND = "account closure";

  /**
   * Validates the closure.
   *
   * @throws IllegalArgumentException naming the closure and the bad value if any argument is null
   *     or the reason is blank
   */
  public AccountClosure {
    Checks.id(id, KIND);
    Checks.notNull(occurredAt, KIND, id, "occurredAt");
    Checks.nonBlank(reason, KIND, id, "reason");
  }
}
