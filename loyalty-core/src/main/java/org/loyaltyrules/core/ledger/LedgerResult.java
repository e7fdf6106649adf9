package org.loyaltyrules.core.ledger;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The outcome of a ledger operation: the new ledger, the postings the operation added, the
 * shortfalls its reversals met, and whether the activity was a replay.
 *
 * <p>Immutable and thread-safe.
 *
 * @param ledger the ledger after the operation
 * @param postings the postings the operation added, in order
 * @param shortfalls the points reversals could not take from the member's balance
 * @param replay true if the activity had already been applied, so nothing but the passage of
 *     time was applied
 */
public record LedgerResult(Ledger ledger, List<Posting> postings, List<Shortfall> shortfalls,
    boolean replay) {
  /** Validates and copies the parts; throws {@link IllegalArgumentException} if one is null. */
  public LedgerResult {
    checkArgument(ledger != null && postings != null && shortfalls != null,
        "ledger, postings and shortfalls must not be null");
    postings = ImmutableList.copyOf(postings);
    shortfalls = ImmutableList.copyOf(shortfalls);
  }
}
