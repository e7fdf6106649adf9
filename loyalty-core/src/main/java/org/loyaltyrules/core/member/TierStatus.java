package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.internal.Checks;

/**
 * The tier a member holds, since when, and until when it is guaranteed.
 *
 * <p>Immutable and thread-safe.
 *
 * @param tier the tier held
 * @param since when the member reached it
 * @param validThrough the instant up to which the status holds whatever the member does; empty
 *     for the base tier or a lifetime status
 */
public record TierStatus(TierId tier, Instant since, Optional<Instant> validThrough) {
  /**
   * Validates the status.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null or the status is
   *     valid through an instant before it began
   */
  public TierStatus {
    Checks.present(tier, "tier");
    Checks.present(since, "tier " + tier + ": since");
    Checks.present(validThrough, "tier " + tier + ": valid through");
    validThrough.ifPresent(v -> checkArgument(!v.isBefore(since),
        "tier %s: valid through %s is before since %s", tier, v, since));
  }

  /** Returns a status held from {@code since} with no guaranteed end. */
  public static TierStatus of(TierId tier, Instant since) {
    return new TierStatus(tier, since, Optional.empty());
  }
}
