package org.loyaltyrules.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;

/** The README's quickstart, line for line, so it always compiles and gives what it says. */
class QuickstartTest {
  @Test
  void readmeQuickstart() {
    // --- README quickstart begins ---
    Program program = Program.builder(ProgramId.of("coffee"), Money.currency("USD"),
            ZoneId.of("America/New_York"))
        .unit(PointUnit.redeemable("stars", "Stars"))
        .build();
    Instant now = Instant.parse("2026-03-14T15:00:00Z");
    Member ana = Member.enroll(MemberId.of("ana"), now);
    Purchase order = Purchase.builder(ActivityId.of("order-1"), now)
        .line(PurchaseLine.of("l1", "latte", "drinks", 2, Money.of("6.50", "USD")))
        .build();
    long stars = order.subtotal().amount().multiply(BigDecimal.valueOf(2))
        .setScale(0, RoundingMode.FLOOR).longValueExact();          // 2 stars per $1
    LedgerTransaction tx = ana.ledger().begin(program.ledgerPolicy(), order.id(), now, now);
    tx.earn(UnitId.of("stars"), stars, Attribution.none());
    ana = ana.withLedger(tx.commit().ledger())
        .withPurchases(ana.purchases().withPurchase(order));  // returns are checked against it
    System.out.println(ana.available(UnitId.of("stars")));           // 26
    // --- README quickstart ends ---
    assertThat(ana.available(UnitId.of("stars"))).isEqualTo(26);
  }

  @Test
  void readmeShowsExactlyThisQuickstart() throws IOException {
    List<String> test = snippet(Path.of("src/test/java/org/loyaltyrules/examples/QuickstartTest.java"),
        "// --- README quickstart begins ---", "// --- README quickstart ends ---");
    List<String> readme = snippet(Path.of("../README.md"), "```java", "```");
    assertThat(readme).isEqualTo(test);
  }

  /** The lines between two markers, with their common indentation removed. */
  private static List<String> snippet(Path file, String begin, String end) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    int from = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(begin)) {
        from = i + 1;
        break;
      }
    }
    assertThat(from).as("%s has %s", file, begin).isPositive();
    int to = from;
    while (!lines.get(to).strip().equals(end)) {
      to++;
    }
    List<String> body = lines.subList(from, to);
    int indent = body.stream().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList();
  }
}
