package org.loyaltyrules.core.activity;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.MoreObjects;
import com.google.common.collect.ImmutableSortedSet;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;

/**
 * One line of a {@link Purchase}: a quantity of one SKU at a unit price.
 *
 * <p>A line has an id unique within its purchase, a SKU and a category (non-blank), tags (maybe
 * none; kept sorted), a quantity greater than zero in a unit of measure ({@code "each"},
 * {@code "night"}, {@code "kg"}, ...), a unit price that is not negative, and optionally the
 * partner (merchant) the line was bought from. The quantity may be fractional ({@code 1.5} kg)
 * and is kept without trailing zeros, so {@code 2.50} and {@code 2.5} give equal lines.
 * {@link #total()} is the exact product of unit price and quantity; nothing is rounded.
 *
 * <pre>{@code
 * PurchaseLine apples = PurchaseLine.of("l1", "APL-1", "produce", 1, Money.of("3.99", "USD"))
 *     .withQuantity(new BigDecimal("1.5"))
 *     .withUnitOfMeasure("kg");
 * apples.total(); // USD 5.985
 * }</pre>
 *
 * <p>Immutable and thread-safe. Factories and withers throw {@link IllegalArgumentException}
 * naming the line and the bad value if any argument is null or invalid.
 */
public final class PurchaseLine {
  /** The unit of measure of lines made by the short factories: {@value}. */
  public static final String EACH = "each";

  private static final String KIND = "line";

  private final LineId id;
  private final String sku;
  private final String category;
  private final ImmutableSortedSet<String> tags;
  private final BigDecimal quantity;
  private final String unitOfMeasure;
  private final Money unitPrice;
  private final PartnerId partner; // null when the line names no partner
  private final Money total;

  private PurchaseLine(LineId id, String sku, String category, Set<String> tags,
      BigDecimal quantity, String unitOfMeasure, Money unitPrice, PartnerId partner) {
    checkArgument(id != null, "purchase line: line id must not be null");
    this.id = id;
    this.sku = Checks.nonBlank(sku, KIND, id, "sku");
    this.category = Checks.nonBlank(category, KIND, id, "category");
    this.tags = copyTags(tags, id);
    this.quantity = Checks.positiveQuantity(quantity, KIND, id);
    this.unitOfMeasure = Checks.nonBlank(unitOfMeasure, KIND, id, "unitOfMeasure");
    this.unitPrice = Checks.notNegative(unitPrice, KIND, id, "unitPrice");
    this.partner = partner;
    this.total = unitPrice.times(this.quantity);
  }

  private static ImmutableSortedSet<String> copyTags(Set<String> tags, LineId id) {
    Checks.notNull(tags, KIND, id, "tags");
    for (String tag : tags) {
      Checks.nonBlank(tag, KIND, id, "tag");
    }
    return ImmutableSortedSet.copyOf(tags);
  }

  /**
   * Returns a line of a whole number of items, measured {@value #EACH}, with no tags and no
   * partner.
   *
   * @param lineId the line's id, unique within its purchase
   * @param sku the stock-keeping unit
   * @param category the product category
   * @param quantity how many were bought; greater than zero
   * @param unitPrice the price of one item; not negative
   * @throws IllegalArgumentException naming the bad value if any argument is null, blank, not
   *     positive or negative as described
   */
  public static PurchaseLine of(String lineId, String sku, String category, long quantity,
      Money unitPrice) {
    return of(LineId.of(lineId), sku, category, BigDecimal.valueOf(quantity), unitPrice);
  }

  /**
   * Returns a line measured {@value #EACH}, with no tags and no partner.
   *
   * @param id the line's id, unique within its purchase
   * @param sku the stock-keeping unit
   * @param category the product category
   * @param quantity how much was bought; greater than zero, may be fractional, with at most 9
   *     digits before the decimal point and 6 after it
   * @param unitPrice the price of one unit; not negative
   * @throws IllegalArgumentException naming the bad value if any argument is null, blank, not
   *     positive or negative as described
   */
  public static PurchaseLine of(LineId id, String sku, String category, BigDecimal quantity,
      Money unitPrice) {
    return new PurchaseLine(id, sku, category, Set.of(), quantity, EACH, unitPrice, null);
  }

  /**
   * Returns a copy with the given tags in place of the current ones.
   *
   * @throws IllegalArgumentException if the set or any tag is null, or a tag is blank
   */
  public PurchaseLine withTags(Set<String> tags) {
    return new PurchaseLine(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  /**
   * Returns a copy with the given unit of measure, for example {@code "night"} or {@code "kg"}.
   *
   * @throws IllegalArgumentException if the unit is null or blank
   */
  public PurchaseLine withUnitOfMeasure(String unitOfMeasure) {
    return new PurchaseLine(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  /**
   * Returns a copy bought from the given partner.
   *
   * @throws IllegalArgumentException if the partner is null
   */
  public PurchaseLine withPartner(PartnerId partner) {
    Checks.notNull(partner, KIND, id, "partner");
    return new PurchaseLine(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  /**
   * Returns a copy with the given quantity.
   *
   * @throws IllegalArgumentException naming the value and the line if it is null, zero or
   *     negative
   */
  public PurchaseLine withQuantity(BigDecimal quantity) {
    return new PurchaseLine(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  /**
   * Returns a copy with the given unit price.
   *
   * @throws IllegalArgumentException naming the value and the line if it is null or negative
   */
  public PurchaseLine withUnitPrice(Money unitPrice) {
    return new PurchaseLine(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  /** Returns the line's id, unique within its purchase. */
  public LineId id() {
    return id;
  }

  /** Returns the stock-keeping unit; never blank. */
  public String sku() {
    return sku;
  }

  /** Returns the product category; never blank. */
  public String category() {
    return category;
  }

  /** Returns the tags, sorted; an immutable set, maybe empty, without blank tags. */
  public Set<String> tags() {
    return tags;
  }

  /** Returns the quantity bought; greater than zero, without trailing zeros after the point. */
  public BigDecimal quantity() {
    return quantity;
  }

  /** Returns the unit the quantity is measured in, for example {@code "each"}; never blank. */
  public String unitOfMeasure() {
    return unitOfMeasure;
  }

  /** Returns the price of one unit; never negative. */
  public Money unitPrice() {
    return unitPrice;
  }

  /** Returns the partner (merchant) the line was bought from, if the line names one. */
  public Optional<PartnerId> partner() {
    return Optional.ofNullable(partner);
  }

  /** Returns the unit price times the quantity, exactly, in the unit price's currency. */
  public Money total() {
    return total;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PurchaseLine l
        && id.equals(l.id)
        && sku.equals(l.sku)
        && category.equals(l.category)
        && tags.equals(l.tags)
        && quantity.equals(l.quantity)
        && unitOfMeasure.equals(l.unitOfMeasure)
        && unitPrice.equals(l.unitPrice)
        && Objects.equals(partner, l.partner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, sku, category, tags, quantity, unitOfMeasure, unitPrice, partner);
  }

  @Override
  public String toString() {
    return MoreObjects.toStringHelper("PurchaseLine")
        .add("id", id)
        .add("sku", sku)
        .add("category", category)
        .add("tags", tags)
        .add("quantity", quantity.toPlainString())
        .add("unitOfMeasure", unitOfMeasure)
        .add("unitPrice", unitPrice)
        .add("partner", partner)
        .omitNullValues()
        .toString();
  }
}
