package org.loyaltyrules.examples.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.LotId;
import org.loyaltyrules.core.LoyaltyException;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.activity.ReturnLine;
import org.loyaltyrules.core.ledger.Account;
import org.loyaltyrules.core.ledger.Attribution;
import org.loyaltyrules.core.ledger.LedgerResult;
import org.loyaltyrules.core.ledger.LedgerTransaction;
import org.loyaltyrules.core.ledger.Lot;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.PurchaseHistory;
import org.loyaltyrules.core.program.ExpiryPolicy;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;

/**
 * A coffee shop's points program, played through a few weeks of one member's life: purchases
 * earn 2 stars per $1 on each line, stars are pending for two days (the return window) and expire
 * six months after they were earned, 200 stars buy a handcrafted drink. The member buys, returns
 * a mug, redeems a drink, tries two things the ledger refuses, and lets the rest expire. The demo
 * plays the host: it keeps the member's state, applies each activity to the ledger, and stores
 * the new state; it prints what happened and the member's full history.
 */
public final class CoffeeShopDemo {
  static final UnitId STARS = UnitId.of("stars");
  static final RewardId DRINK = RewardId.of("handcrafted-drink");
  static final RuleId BASE_RATE = RuleId.of("two-stars-per-dollar");
  static final BigDecimal STARS_PER_DOLLAR = BigDecimal.valueOf(2);

  private static final ZoneId ZONE = ZoneId.of("America/New_York");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ROOT);

  private final Program program = Program.builder(ProgramId.of("corner-coffee"),
          Money.currency("USD"), ZONE)
      .name("Corner Coffee Rewards")
      .unit(PointUnit.redeemable("stars", "Stars").withPendingPeriod(Period.ofDays(2))
          .withExpiry(ExpiryPolicy.afterPeriod(Period.ofMonths(6))))
      .reward(Reward.of(DRINK.value(), "Handcrafted drink", STARS, 200, RewardKind.FREE_ITEM))
      .build();

  private Member member;
  private PrintWriter out;

  /** Runs the demo, writing its story to {@code out}, and returns the member's final state. */
  public Member run(PrintWriter out) {
    this.out = out;
    out.printf(Locale.ROOT, "%s: %s, prices in %s, dates in %s%n", program.name(), program.id(),
        program.currency().getCurrencyCode(), program.zone());
    out.println("  earn: 2 stars per $1 on each line, rounded down; pending 2 days; expire after"
        + " 6 months");
    out.println("  burn: " + program.reward(DRINK).name() + " for "
        + program.reward(DRINK).cost() + " stars");
    out.println();

    member = Member.enroll(MemberId.of("ana"), at(2, 8, 0));
    say(at(2, 8, 0), "ana enrolls");

    purchase("order-1", at(2, 9, 0),
        PurchaseLine.of("l1", "latte", "drinks", 2, usd("5.45")),
        PurchaseLine.of("l2", "croissant", "food", 1, usd("3.95")));
    purchase("order-2", at(9, 9, 30),
        PurchaseLine.of("l1", "house-beans-1kg", "beans", 2, usd("18.50")),
        PurchaseLine.of("l2", "mug", "merchandise", 1, usd("24.00")));
    purchase("order-3", at(16, 8, 15),
        PurchaseLine.of("l1", "latte", "drinks", 1, usd("5.45")),
        PurchaseLine.of("l2", "sandwich", "food", 1, usd("8.95")));
    returnLine("return-1", at(20, 17, 0), "order-2", "l2");
    purchase("order-4", at(23, 9, 0),
        PurchaseLine.of("l1", "house-beans-1kg", "beans", 3, usd("18.50")));
    redeem("redeem-1", at(25, 12, 0));

    out.println();
    out.println("What the library refuses, leaving the state unchanged:");
    refuse(() -> returnLine("return-2", at(26, 10, 0), "order-2", "l2"));
    refuse(() -> redeem("redeem-2", at(26, 10, 5)));
    refuse(() -> purchase("order-5", at(26, 10, 10),
        PurchaseLine.of("l1", "latte", "drinks", 1, usd("5.45")),
        PurchaseLine.of("l2", "latte", "drinks", 1, Money.of("5.45", "EUR"))));

    Instant autumn = at(2, 8, 0).atZone(ZONE).plusMonths(7).toInstant();
    LedgerResult advanced = member.ledger().advance(autumn, program.ledgerPolicy());
    member = member.withLedger(advanced.ledger());
    long expired = advanced.postings().stream().mapToLong(Posting::amount).sum();
    say(autumn, "time passes; " + expired + " unspent stars expire");

    printHistory();
    return member;
  }

  private void purchase(String id, Instant at, PurchaseLine... lines) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at).lines(List.of(lines)).build();
    LedgerTransaction tx = member.ledger().begin(program.ledgerPolicy(), purchase.id(), at, at);
    long stars = 0;
    List<LineId> earningLines = new ArrayList<>();
    for (PurchaseLine line : purchase.lines()) {
      stars += starsFor(line);
      earningLines.add(line.id());
    }
    LotId lot = tx.earn(STARS, stars, Attribution.rule(BASE_RATE).withLines(earningLines));
    commit(tx, member.purchases().withPurchase(purchase));
    Instant vestsAt = member.ledger().lot(lot).orElseThrow().vestsAt();
    say(at, String.format(Locale.ROOT, "%s: %s, earns %d stars (pending until %s)", id,
        purchase.total(), stars, WHEN.format(vestsAt.atZone(ZONE))));
  }

  private void returnLine(String id, Instant at, String purchaseId, String lineId) {
    ActivityId purchaseActivity = ActivityId.of(purchaseId);
    Return ret = Return.of(ActivityId.of(id), at, purchaseActivity,
        List.of(ReturnLine.of(lineId, 1)));
    PurchaseHistory purchases = member.purchases().withReturn(ret);
    PurchaseLine line = member.purchases().record(purchaseActivity).orElseThrow().purchase()
        .line(LineId.of(lineId)).orElseThrow();
    LotId lot = member.ledger().lots().stream()
        .filter(l -> l.activity().equals(purchaseActivity)).map(Lot::id).findFirst()
        .orElseThrow();
    long stars = starsFor(line);
    LedgerTransaction tx = member.ledger().begin(program.ledgerPolicy(), ret.id(), at, at);
    tx.reverseEarning(lot, stars);
    commit(tx, purchases);
    say(at, String.format(Locale.ROOT, "%s: the %s from %s comes back; %d stars taken back", id,
        line.sku(), purchaseId, stars));
  }

  private void redeem(String id, Instant at) {
    RedeemReward redeem = RedeemReward.of(ActivityId.of(id), at, DRINK);
    Reward reward = program.reward(redeem.reward());
    LedgerTransaction tx = member.ledger().begin(program.ledgerPolicy(), redeem.id(), at, at);
    tx.redeem(reward.unit(), reward.cost() * redeem.quantity(), Attribution.none());
    commit(tx, member.purchases());
    say(at, id + ": redeems a " + reward.name() + " for " + reward.cost() + " stars");
  }

  private void commit(LedgerTransaction tx, PurchaseHistory purchases) {
    member = member.withLedger(tx.commit().ledger()).withPurchases(purchases);
  }

  private void refuse(Runnable attempt) {
    Member before = member;
    try {
      attempt.run();
      throw new IllegalStateException("expected the library to refuse");
    } catch (LoyaltyException e) {
      out.println("  " + e.getClass().getSimpleName() + ": " + e.getMessage());
      if (!member.equals(before)) {
        throw new IllegalStateException("a refused activity changed the member's state", e);
      }
    }
  }

  /** Stars for one line: 2 per dollar of the line's total, rounded down. */
  static long starsFor(PurchaseLine line) {
    return line.total().amount().multiply(STARS_PER_DOLLAR).setScale(0, RoundingMode.FLOOR)
        .longValueExact();
  }

  private void say(Instant at, String what) {
    out.printf(Locale.ROOT, "%-17s %-68s available %4d, pending %4d%n",
        WHEN.format(at.atZone(ZONE)), what, member.available(STARS), member.pending(STARS));
  }

  private void printHistory() {
    out.println();
    out.println("ana's history (every posting; the \"online registry\"):");
    out.printf(Locale.ROOT, "  %3s  %-17s %-8s %6s  %-22s %-22s %s%n", "#", "when", "type",
        "stars", "from", "to", "activity");
    for (Posting p : member.ledger().postings()) {
      out.printf(Locale.ROOT, "  %3d  %-17s %-8s %6d  %-22s %-22s %s%n", p.sequence(),
          WHEN.format(p.at().atZone(ZONE)), p.type(), p.amount(), p.from(), p.to(),
          p.activity().map(ActivityId::value).orElse("(time)"));
    }
    out.println();
    out.println("Balances by account (double entry: they sum to zero):");
    long sum = 0;
    for (Map.Entry<Account, Long> e : member.ledger().balances(STARS).entrySet()) {
      out.printf(Locale.ROOT, "  %-22s %6d%n", e.getKey(), e.getValue());
      sum += e.getValue();
    }
    out.printf(Locale.ROOT, "  %-22s %6d%n", "sum", sum);
  }

  private static Instant at(int marchDay, int hour, int minute) {
    return LocalDateTime.of(2026, 3, marchDay, hour, minute).atZone(ZONE).toInstant();
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }
}
