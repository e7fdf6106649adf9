package org.loyaltyrules.core.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.UnknownReferenceException;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.activity.UnknownLineException;

class PurchaseHistoryTest {
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final ActivityId P2 = ActivityId.of("p-2");
  private static final LineId TEES = LineId.of("l1");
  private static final LineId APPLES = LineId.of("l2");
  private static final Instant BOUGHT = Instant.parse("2026-03-01T18:00:00Z");

  /** Three $20 tees and 1.5 kg of apples at $3.99 a kg. */
  private static final Purchase PURCHASE = Purchase.builder(P1, BOUGHT)
      .line(PurchaseLine.of("l1", "TEE-BLK-M", "apparel", 3, Money.of("20.00", "USD")))
      .line(PurchaseLine.of("l2", "APL-1", "produce", 1, Money.of("3.99", "USD"))
          .withQuantity(new BigDecimal("1.5")).withUnitOfMeasure("kg"))
      .build();
  private static final Purchase LATER_PURCHASE = Purchase.builder(P2,
          Instant.parse("2026-04-01T07:00:00Z"))
      .line(PurchaseLine.of("l1", "MUG", "kitchen", 1, Money.of("12.50", "USD")))
      .build();

  private static final PurchaseHistory HISTORY = PurchaseHistory.empty().withPurchase(PURCHASE);

  private static Return ret(String id, int daysAfter, ReturnLine... lines) {
    return Return.of(ActivityId.of(id), BOUGHT.plusSeconds(daysAfter * 86_400L), P1,
        List.of(lines));
  }

  private static ReturnLine apples(String kg) {
    return ReturnLine.of(APPLES, new BigDecimal(kg));
  }

  @Test
  void remembersPurchasesInOrder() {
    PurchaseHistory history = HISTORY.withPurchase(LATER_PURCHASE);

    assertThat(history.records()).extracting(r -> r.purchase().id()).containsExactly(P1, P2);
    PurchaseRecord record = history.record(P1).orElseThrow();
    assertThat(record.returned()).isEmpty();
    assertThat(record.returns()).isEmpty();
    assertThat(record.returnableOf(TEES)).isEqualByComparingTo("3");
    assertThat(record.returnableOf(LineId.of("l9"))).isEqualByComparingTo("0");
    assertThat(history.record(ActivityId.of("p-404"))).isEmpty();
    assertThat(PurchaseHistory.empty().records()).isEmpty();
    assertThat(HISTORY.records()).as("the original is unchanged").hasSize(1);
  }

  @Test
  void aPurchaseIsRecordedOnce() {
    assertThatThrownBy(() -> HISTORY.withPurchase(PURCHASE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1 is already recorded");
    assertThatThrownBy(() -> PurchaseHistory.of(List.of(PurchaseRecord.of(PURCHASE),
            PurchaseRecord.of(PURCHASE))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase records[1]: purchase p-1 is recorded twice");
  }

  @Test
  void partialReturnsUntilTheLineIsReturnedInFull() {
    PurchaseHistory one = HISTORY.withReturn(ret("r-1", 2, ReturnLine.of("l1", 1)));

    assertThat(one.record(P1).orElseThrow().returnedOf(TEES)).isEqualByComparingTo("1");
    assertThat(one.record(P1).orElseThrow().returnableOf(TEES)).isEqualByComparingTo("2");

    PurchaseHistory three = one.withReturn(ret("r-2", 5, ReturnLine.of("l1", 2)));
    PurchaseRecord record = three.record(P1).orElseThrow();

    assertThat(record.returnedOf(TEES)).isEqualByComparingTo("3");
    assertThat(record.returnableOf(TEES)).isEqualByComparingTo("0");
    assertThat(record.returns()).containsExactly(ActivityId.of("r-1"), ActivityId.of("r-2"));
    assertThat(record.isFullyReturned()).as("the apples are still out").isFalse();

    ReturnExceedsPurchaseException e = catchThrowableOfType(
        ReturnExceedsPurchaseException.class,
        () -> three.withReturn(ret("r-3", 6, ReturnLine.of("l1", 1))));

    assertThat(e).isNotNull()
        .hasMessage("return r-3: line l1 of purchase p-1: cannot return 1, it was already "
            + "returned in full");
    assertThat(e.returnable()).isEqualByComparingTo("0");
    assertThat(e.requested()).isEqualByComparingTo("1");
    assertThat(e.purchase()).isEqualTo(P1);
    assertThat(e.line()).isEqualTo(TEES);
    assertThat(three.record(P1).orElseThrow().returns()).hasSize(2);
  }

  @Test
  void returningMoreThanIsLeftNamesWhatIsLeft() {
    PurchaseHistory one = HISTORY.withReturn(ret("r-1", 2, ReturnLine.of("l1", 1)));

    assertThatThrownBy(() -> one.withReturn(ret("r-2", 3, ReturnLine.of("l1", 3))))
        .isExactlyInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessage("return r-2: line l1 of purchase p-1: cannot return 3, only 2 is left to "
            + "return");
    assertThatThrownBy(() -> HISTORY.withReturn(ret("r-1", 2, ReturnLine.of("l1", 4))))
        .isExactlyInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessageContaining("cannot return 4, only 3 is left to return");
  }

  @Test
  void aFailedReturnRecordsNothing() {
    Return mixed = ret("r-1", 2, apples("0.5"), ReturnLine.of("l1", 4));

    assertThatThrownBy(() -> HISTORY.withReturn(mixed))
        .isExactlyInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessageContaining("line l1");

    PurchaseRecord record = HISTORY.record(P1).orElseThrow();
    assertThat(record.returned()).isEmpty();
    assertThat(record.returns()).isEmpty();
    assertThat(HISTORY.withReturn(ret("r-1", 2, apples("0.5"))).record(P1).orElseThrow()
        .returnedOf(APPLES)).as("the same id can be used once the failed return is fixed")
        .isEqualByComparingTo("0.5");
  }

  @Test
  void fractionalQuantitiesAreReturnedExactly() {
    PurchaseHistory half = HISTORY.withReturn(ret("r-1", 1, apples("0.5")));
    PurchaseHistory more = half.withReturn(ret("r-2", 2, apples("0.75")));
    PurchaseRecord record = more.record(P1).orElseThrow();

    assertThat(record.returnedOf(APPLES)).isEqualTo(new BigDecimal("1.25"));
    assertThat(record.returnableOf(APPLES)).isEqualTo(new BigDecimal("0.25"));
    assertThatThrownBy(() -> more.withReturn(ret("r-3", 3, apples("0.3"))))
        .isExactlyInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessageContaining("cannot return 0.3, only 0.25 is left to return");

    PurchaseHistory all = more.withReturn(ret("r-3", 3, apples("0.250")));

    assertThat(all.record(P1).orElseThrow().returnableOf(APPLES)).isEqualByComparingTo("0");
    assertThatThrownBy(() -> all.withReturn(ret("r-4", 4, apples("0.001"))))
        .isExactlyInstanceOf(ReturnExceedsPurchaseException.class)
        .hasMessageContaining("cannot return 0.001, it was already returned in full");
  }

  @Test
  void theSameQuantitiesGiveEqualHistoriesWhateverTheSteps() {
    PurchaseHistory halves = HISTORY.withReturn(ret("r-1", 1, apples("0.5")))
        .withReturn(ret("r-2", 2, apples("0.5")));
    PurchaseRecord record = halves.record(P1).orElseThrow();

    assertThat(record.returnedOf(APPLES)).isEqualTo(new BigDecimal("1"));
    assertThat(record).isEqualTo(new PurchaseRecord(PURCHASE, Map.of(APPLES, BigDecimal.ONE),
        List.of(ActivityId.of("r-1"), ActivityId.of("r-2"))));
  }

  @Test
  void wholeLineAndWholePurchaseReturns() {
    PurchaseHistory all = HISTORY.withReturn(Return.ofWholeLines(ActivityId.of("r-1"),
        BOUGHT.plusSeconds(60), PURCHASE, List.of(TEES, APPLES)));
    PurchaseRecord record = all.record(P1).orElseThrow();

    assertThat(record.isFullyReturned()).isTrue();
    assertThat(record.returnedOf(APPLES)).isEqualTo(new BigDecimal("1.5"));
    assertThat(record.returnedOf(TEES)).isEqualTo(new BigDecimal("3"));
  }

  @Test
  void unknownLine() {
    UnknownLineException e = catchThrowableOfType(UnknownLineException.class,
        () -> HISTORY.withReturn(ret("r-1", 2, ReturnLine.of("l9", 1))));

    assertThat(e).isNotNull().hasMessage("return r-1: line l9 was never bought in purchase p-1");
    assertThat(e.line()).isEqualTo(LineId.of("l9"));
    assertThat(e.purchase()).isEqualTo(P1);
  }

  @Test
  void unknownPurchase() {
    Return forgotten = Return.of(ActivityId.of("r-1"), BOUGHT, ActivityId.of("p-404"),
        List.of(ReturnLine.of("l1", 1)));

    UnknownReferenceException e = catchThrowableOfType(UnknownReferenceException.class,
        () -> HISTORY.withReturn(forgotten));

    assertThat(e).isNotNull()
        .hasMessage("unknown purchase 'p-404' in the member's purchases (return r-1)");
    assertThat(e.kind()).isEqualTo("purchase");
    assertThat(e.value()).isEqualTo("p-404");
  }

  @Test
  void aReturnCannotPrecedeItsPurchase() {
    Return early = Return.of(ActivityId.of("r-0"), BOUGHT.minusNanos(1), P1,
        List.of(ReturnLine.of("l1", 1)));

    assertThatThrownBy(() -> HISTORY.withReturn(early))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-0: happened at 2026-03-01T17:59:59.999999999Z, before purchase p-1 "
            + "at 2026-03-01T18:00:00Z");
    assertThat(HISTORY.withReturn(Return.of(ActivityId.of("r-0"), BOUGHT, P1,
            List.of(ReturnLine.of("l1", 1)))).record(P1).orElseThrow().returnedOf(TEES))
        .as("at the purchase's instant").isEqualByComparingTo("1");
  }

  @Test
  void theSameReturnIsRecordedOnce() {
    Return r1 = ret("r-1", 2, ReturnLine.of("l1", 1));
    PurchaseHistory once = HISTORY.withReturn(r1);

    assertThatThrownBy(() -> once.withReturn(r1))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1 is already recorded against purchase p-1");
    assertThatThrownBy(() -> once.withReturn(ret("r-1", 3, apples("0.5"))))
        .as("another return reusing the id")
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("return r-1");
  }

  @Test
  void prunedBeforeDropsOlderPurchasesOnly() {
    PurchaseHistory history = HISTORY.withPurchase(LATER_PURCHASE);
    Instant p2At = LATER_PURCHASE.occurredAt();

    assertThat(history.prunedBefore(p2At).records()).extracting(r -> r.purchase().id())
        .as("a purchase at the instant is kept").containsExactly(P2);
    assertThat(history.prunedBefore(p2At.plusNanos(1)).records()).isEmpty();
    assertThat(history.prunedBefore(BOUGHT)).isSameAs(history);
    assertThat(history.records()).hasSize(2);
    assertThatThrownBy(() -> history.prunedBefore(null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("instant must not be null");
  }

  @Test
  void recordValidatesWhatWasReturned() {
    assertThatThrownBy(() -> new PurchaseRecord(PURCHASE, Map.of(LineId.of("l9"),
            BigDecimal.ONE), List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: returned line l9 is not in the purchase");
    assertThatThrownBy(() -> new PurchaseRecord(PURCHASE, Map.of(TEES, new BigDecimal("4")),
            List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("purchase p-1: returned quantity of line l1 must be between 0 and 3, was 4");
    assertThatThrownBy(() -> new PurchaseRecord(PURCHASE, Map.of(APPLES, BigDecimal.ZERO),
            List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1.5, was 0");
  }
}
