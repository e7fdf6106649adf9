package org.loyaltyrules.core.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.Money;

class ReturnTest {
  private static final ActivityId R1 = ActivityId.of("r-1");
  private static final ActivityId P1 = ActivityId.of("p-1");
  private static final Instant AT = Instant.parse("2026-03-05T09:00:00Z");

  private static final Purchase PURCHASE =
      Purchase.builder(P1, Instant.parse("2026-03-01T10:00:00Z"))
      .line(PurchaseLine.of("l1", "MUG", "kitchen", 2, Money.of("12.50", "USD")))
      .line(PurchaseLine.of("l2", "APL", "produce", 1, Money.of("3.99", "USD"))
          .withQuantity(new BigDecimal("1.5")).withUnitOfMeasure("kg"))
      .line(PurchaseLine.of("l3", "TEA", "grocery", 4, Money.of("2", "USD")))
      .build();

  @Test
  void returnLineKeepsQuantity() {
    ReturnLine line = ReturnLine.of("l1", 2);

    assertThat(line.line()).isEqualTo(LineId.of("l1"));
    assertThat(line.quantity()).isEqualTo(new BigDecimal("2"));
    assertThat(ReturnLine.of(LineId.of("l1"), new BigDecimal("0.750")).quantity())
        .isEqualTo(new BigDecimal("0.75"));
    assertThat(new ReturnLine(LineId.of("l1"), new BigDecimal("2.0"))).isEqualTo(line);
  }

  @Test
  void returnLineQuantityMustBePositive() {
    assertThatThrownBy(() -> ReturnLine.of("l2", 0))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return line l2: quantity must be positive, was 0");
    assertThatThrownBy(() -> ReturnLine.of(LineId.of("l2"), new BigDecimal("-1.5")))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return line l2: quantity must be positive, was -1.5");
    assertThatThrownBy(() -> new ReturnLine(null, BigDecimal.ONE))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return line: line id must not be null");
    assertThatThrownBy(() -> new ReturnLine(LineId.of("l2"), null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return line l2: quantity must not be null");
  }

  @Test
  void partialReturn() {
    Return r = Return.of(R1, AT, P1, List.of(ReturnLine.of("l1", 1),
        ReturnLine.of(LineId.of("l2"), new BigDecimal("0.5"))));

    assertThat(r.id()).isEqualTo(R1);
    assertThat(r.occurredAt()).isEqualTo(AT);
    assertThat(r.purchase()).isEqualTo(P1);
    assertThat(r.lines()).containsExactly(ReturnLine.of("l1", 1),
        new ReturnLine(LineId.of("l2"), new BigDecimal("0.5")));
  }

  @Test
  void linesAreCopiedAndImmutable() {
    List<ReturnLine> lines = new ArrayList<>(List.of(ReturnLine.of("l1", 1)));
    Return r = Return.of(R1, AT, P1, lines);
    lines.add(ReturnLine.of("l2", 1));

    assertThat(r.lines()).containsExactly(ReturnLine.of("l1", 1));
    assertThatThrownBy(() -> r.lines().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void atLeastOneLine() {
    assertThatThrownBy(() -> Return.of(R1, AT, P1, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: must return at least one line");
  }

  @Test
  void lineNamedTwiceIsRejected() {
    assertThatThrownBy(() -> Return.of(R1, AT, P1,
            List.of(ReturnLine.of("l1", 1), ReturnLine.of("l2", 1), ReturnLine.of("l1", 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines[2] line l1 is a duplicate of lines[0]");
  }

  @Test
  void purchaseMustBeAnotherActivity() {
    assertThatThrownBy(() -> Return.of(R1, AT, R1, List.of(ReturnLine.of("l1", 1))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: purchase must be another activity, was its own id r-1");
  }

  @Test
  void nullArgumentsGiveIllegalArgumentException() {
    List<ReturnLine> lines = List.of(ReturnLine.of("l1", 1));
    assertThatThrownBy(() -> Return.of(null, AT, P1, lines))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return: activity id must not be null");
    assertThatThrownBy(() -> Return.of(R1, null, P1, lines))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: occurredAt must not be null");
    assertThatThrownBy(() -> Return.of(R1, AT, null, lines))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: purchase must not be null");
    assertThatThrownBy(() -> Return.of(R1, AT, P1, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines must not be null");
    assertThatThrownBy(() -> Return.of(R1, AT, P1, Arrays.asList(ReturnLine.of("l1", 1), null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines[1] must not be null");
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, null, List.of(LineId.of("l1"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: purchase must not be null");
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, PURCHASE, null))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines must not be null");
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, PURCHASE, Arrays.asList((LineId) null)))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines[0] must not be null");
    assertThatThrownBy(() -> Return.ofWholeLines(R1, null, PURCHASE, List.of(LineId.of("l1"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: occurredAt must not be null");
  }

  @Test
  void wholeLinesReturnTheFullQuantity() {
    Return r = Return.ofWholeLines(R1, AT, PURCHASE, List.of(LineId.of("l2"), LineId.of("l1")));

    assertThat(r.purchase()).isEqualTo(P1);
    assertThat(r.lines()).containsExactly(
        new ReturnLine(LineId.of("l2"), new BigDecimal("1.5")),
        new ReturnLine(LineId.of("l1"), new BigDecimal("2")));
    assertThat(r).isEqualTo(Return.of(R1, AT, P1, List.of(
        ReturnLine.of(LineId.of("l2"), new BigDecimal("1.50")), ReturnLine.of("l1", 2))));
  }

  @Test
  void wholeLinesWithUnknownLineThrowsUnknownLineException() {
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, PURCHASE,
            List.of(LineId.of("l1"), LineId.of("l9"))))
        .isExactlyInstanceOf(UnknownLineException.class)
        .isInstanceOf(LoyaltyException.class)
        .hasMessage("return r-1: line l9 was never bought in purchase p-1")
        .satisfies(e -> {
          UnknownLineException u = (UnknownLineException) e;
          assertThat(u.purchase()).isEqualTo(P1);
          assertThat(u.line()).isEqualTo(LineId.of("l9"));
        });
  }

  @Test
  void wholeLinesNamingALineTwiceIsRejected() {
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, PURCHASE,
            List.of(LineId.of("l3"), LineId.of("l3"))))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: lines[1] line l3 is a duplicate of lines[0]");
  }

  @Test
  void wholeLinesOfNoLineIsRejected() {
    assertThatThrownBy(() -> Return.ofWholeLines(R1, AT, PURCHASE, List.of()))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("return r-1: must return at least one line");
  }
}
