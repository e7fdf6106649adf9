package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import java.time.Instant;
import java.util.Optional;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.VoucherId;
import org.loyaltyrules.core.internal.Checks;

/**
 * A money-valued reward the member holds, such as Sweetgreen's $5 off or REI's dividend. Each
 * issue is also announced as an effect the host can map to its own coupon system.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the voucher's id, unique within the member's state
 * @param value its value; positive
 * @param issuedAt when it was issued
 * @param expiresAt when it expires unused; empty for never
 * @param source the activity that earned it
 * @param status where it stands
 */
public record Voucher(VoucherId id, Money value, Instant issuedAt, Optional<Instant> expiresAt,
    ActivityId source, VoucherStatus status) {
  /**
   * Validates the voucher.
   *
   * @throws IllegalArgumentException naming the bad value if a part is null, the value is not
   *     positive, or it expires before it was issued
   */
  public Voucher {
    Checks.present(id, "voucher id");
    Checks.present(value, "voucher " + id + ": value");
    checkArgument(value.isPositive(), "voucher %s: value must be positive, was %s", id, value);
    Checks.present(issuedAt, "voucher " + id + ": issued at");
    Checks.present(expiresAt, "voucher " + id + ": expires at");
    expiresAt.ifPresent(e -> checkArgument(e.isAfter(issuedAt),
        "voucher %s: expires at %s is not after issued at %s", id, e, issuedAt));
    Checks.present(source, "voucher " + id + ": source");
    Checks.present(status, "voucher " + id + ": status");
  }

  /**
   * Returns true if the voucher can be applied at {@code at}: issued by then, not applied,
   * expired or revoked, and not past its expiry.
   */
  public boolean isUsableAt(Instant at) {
    Checks.present(at, "voucher " + id + ": instant");
    return status == VoucherStatus.ISSUED && !at.isBefore(issuedAt)
        && expiresAt.map(at::isBefore).orElse(true);
  }

  /** Returns a copy with the given status. */
  public Voucher withStatus(VoucherStatus status) {
    return new Voucher(id, value, issuedAt, expiresAt, source, status);
  }
}
