package org.loyaltyrules.core.member;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableMap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.activity.UnknownLineException;
import org.loyaltyrules.core.internal.Checks;

/**
 * The member's purchases that can still be returned, with what of each has been returned. A
 * return is checked against it: the purchase must be known, each line must have been bought, and
 * no line can be returned beyond what was bought. Purchases older than the program's activity
 * horizon are {@linkplain #prunedBefore(Instant) pruned}, so the state does not grow without
 * bound.
 *
 * <p>Immutable and thread-safe.
 */
public final class PurchaseHistory {
  private static final PurchaseHistory EMPTY = new PurchaseHistory(ImmutableMap.of());

  private final ImmutableMap<ActivityId, PurchaseRecord> records;

  private PurchaseHistory(ImmutableMap<ActivityId, PurchaseRecord> records) {
    this.records = records;
  }

  /** Returns a history with no purchases. */
  public static PurchaseHistory empty() {
    return EMPTY;
  }

  /**
   * Returns a history of the given records.
   *
   * @throws IllegalArgumentException if a record is null or two have the same purchase id
   */
  public static PurchaseHistory of(Collection<PurchaseRecord> records) {
    Map<ActivityId, PurchaseRecord> map = new LinkedHashMap<>();
    int i = 0;
    for (PurchaseRecord r : Checks.list(records, "purchase records")) {
      checkArgument(map.put(r.purchase().id(), r) == null,
          "purchase records[%s]: purchase %s is recorded twice", i, r.purchase().id());
      i++;
    }
    return new PurchaseHistory(ImmutableMap.copyOf(map));
  }

  /** Returns the records, in the order the purchases were recorded. */
  public Collection<PurchaseRecord> records() {
    return records.values();
  }

  /** Returns the record of a purchase, if it is remembered. */
  public Optional<PurchaseRecord> record(ActivityId purchase) {
    Checks.present(purchase, "purchase id");
    return Optional.ofNullable(records.get(purchase));
  }

  /**
   * Returns a history that also remembers {@code purchase}.
   *
   * @throws IllegalArgumentException if it is null or a purchase with its id is already recorded
   */
  public PurchaseHistory withPurchase(Purchase purchase) {
    return withPurchase(purchase, PurchaseContext.none());
  }

  /**
   * Returns a history that also remembers {@code purchase}, decided in {@code context}.
   *
   * @throws IllegalArgumentException if an argument is null or a purchase with its id is
   *     already recorded
   */
  public PurchaseHistory withPurchase(Purchase purchase, PurchaseContext context) {
    Checks.present(purchase, "purchase");
    checkArgument(!records.containsKey(purchase.id()), "purchase %s is already recorded",
        purchase.id());
    return new PurchaseHistory(ImmutableMap.<ActivityId, PurchaseRecord>builder().putAll(records)
        .put(purchase.id(), PurchaseRecord.of(purchase, context)).buildOrThrow());
  }

  /**
   * Returns a history in which {@code ret} is recorded against its purchase.
   *
   * @throws UnknownReferenceException if the purchase is not remembered
   * @throws IllegalArgumentException if the return happened before the purchase or was already
   *     recorded
   * @throws UnknownLineException if it names a line the purchase never had
   * @throws ReturnExceedsPurchaseException if it returns more of a line than is left to return,
   *     for example a line already returned in full
   */
  public PurchaseHistory withReturn(Return ret) {
    Checks.present(ret, "return");
    PurchaseRecord record = records.get(ret.purchase());
    if (record == null) {
      throw new UnknownReferenceException("purchase", ret.purchase().value(),
          "the member's purchases (return " + ret.id() + ")");
    }
    Purchase purchase = record.purchase();
    checkArgument(!ret.occurredAt().isBefore(purchase.occurredAt()),
        "return %s: happened at %s, before purchase %s at %s", ret.id(), ret.occurredAt(),
        purchase.id(), purchase.occurredAt());
    checkArgument(!record.returns().contains(ret.id()),
        "return %s is already recorded against purchase %s", ret.id(), purchase.id());
    Map<LineId, BigDecimal> returned = new TreeMap<>(record.returned());
    for (ReturnLine line : ret.lines()) {
      if (purchase.line(line.line()).isEmpty()) {
        throw new UnknownLineException(purchase.id(), line.line(), "return " + ret.id());
      }
      BigDecimal returnable = record.returnableOf(line.line());
      if (line.quantity().compareTo(returnable) > 0) {
        throw new ReturnExceedsPurchaseException(ret.id(), purchase.id(), line.line(),
            line.quantity(), returnable);
      }
      returned.merge(line.line(), line.quantity(), BigDecimal::add);
    }
    List<ActivityId> returns = new ArrayList<>(record.returns());
    returns.add(ret.id());
    Map<ActivityId, PurchaseRecord> copy = new LinkedHashMap<>(records);
    copy.put(purchase.id(), new PurchaseRecord(purchase, returned, returns, record.context(),
        record.payments()));
    return new PurchaseHistory(ImmutableMap.copyOf(copy));
  }

  /**
   * Returns a history in which the purchase's record is replaced by {@code record}.
   *
   * @throws UnknownReferenceException if the purchase is not remembered
   * @throws IllegalArgumentException if the record is null
   */
  public PurchaseHistory withRecord(PurchaseRecord record) {
    Checks.present(record, "purchase record");
    if (!records.containsKey(record.purchase().id())) {
      throw new UnknownReferenceException("purchase", record.purchase().id().value(),
          "the member's purchases");
    }
    Map<ActivityId, PurchaseRecord> copy = new LinkedHashMap<>(records);
    copy.put(record.purchase().id(), record);
    return new PurchaseHistory(ImmutableMap.copyOf(copy));
  }

  /** Returns a history without the purchases made before {@code instant}. */
  public PurchaseHistory prunedBefore(Instant instant) {
    Checks.present(instant, "instant");
    boolean any = false;
    for (PurchaseRecord r : records.values()) {
      if (r.purchase().occurredAt().isBefore(instant)) {
        any = true;
        break;
      }
    }
    if (!any) {
      return this; // the common case on every decision, so no copy and no stream
    }
    Map<ActivityId, PurchaseRecord> kept = new LinkedHashMap<>(records);
    kept.values().removeIf(r -> r.purchase().occurredAt().isBefore(instant));
    return new PurchaseHistory(ImmutableMap.copyOf(kept));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PurchaseHistory h && records.equals(h.records);
  }

  @Override
  public int hashCode() {
    return records.hashCode();
  }

  @Override
  public String toString() {
    return "PurchaseHistory" + records.keySet();
  }
}
