package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.loyaltyrules.examples.programs.CoffeeStampCard.CARD;
import static org.loyaltyrules.examples.programs.CoffeeStampCard.COLLECTOR;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.member.Voucher;
import org.loyaltyrules.core.member.VoucherStatus;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeLevel;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.rules.BadgeStatus;
import org.loyaltyrules.rules.ChallengeProgress;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * The coffee shop's stamp card, decided by the library: ten purchases with a drink give a $5
 * free-drink voucher, the card restarts, and a return takes its stamp back — with the voucher,
 * while it is unused, when the stamp completed the card.
 */
class CoffeeStampCardTest {
  private static final CompiledProgram CAFE = LoyaltyRules.compile(CoffeeStampCard.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);

  private final List<Decision> decisions = new ArrayList<>();
  private int sequence;

  /** Day {@code n} of a run of daily visits from 1 June 2026, at 8 in the morning. */
  private static Instant day(int n) {
    return day(n, 8);
  }

  private static Instant day(int n, int hour) {
    return LocalDateTime.of(2026, 6, 1, hour, 0).plusDays(n - 1)
        .atZone(CoffeeStampCard.ZONE).toInstant();
  }

  private static Member ana() {
    return Member.enroll(MemberId.of("ana"), day(1, 7));
  }

  private static PurchaseLine line(String id, String sku, String category, String price) {
    return PurchaseLine.of(id, sku, category, 1, Money.of(price, "USD"));
  }

  /** A latte, the shop's usual order, on day {@code n}. */
  private Purchase latte(int n) {
    return Purchase.builder(ActivityId.of("p" + ++sequence), day(n))
        .line(line("l1", "latte", CoffeeStampCard.DRINK, "4.75")).build();
  }

  private Member run(Member member, Activity... activities) {
    for (Activity a : activities) {
      Decision d = CAFE.decide(STATE, member, a, a.occurredAt(), RANDOM);
      assertThat(d.isRefused()).as("%s refused: %s", a.id(), d.errors()).isFalse();
      decisions.add(d);
      member = d.member();
    }
    return member;
  }

  /** Buys a latte on each day from {@code first} to {@code last}. */
  private Member lattes(Member member, int first, int last) {
    for (int n = first; n <= last; n++) {
      member = run(member, latte(n));
    }
    return member;
  }

  private Decision last() {
    return decisions.get(decisions.size() - 1);
  }

  private List<Effect.ChallengeCompleted> completed() {
    return decisions.stream().flatMap(d -> d.effects(Effect.ChallengeCompleted.class).stream())
        .toList();
  }

  private static ChallengeProgress card(Member member, Instant at) {
    return CAFE.challengeProgress(STATE, member, at).stream()
        .filter(p -> p.challenge().equals(CARD)).findFirst().orElseThrow();
  }

  private static Optional<String> badge(Member member, Instant at) {
    return CAFE.badges(STATE, member, at).stream().filter(b -> b.badge().equals(COLLECTOR))
        .map(BadgeStatus::levelName).findFirst();
  }

  private static Return returnOf(String id, Instant at, Purchase purchase) {
    return Return.ofWholeLines(ActivityId.of(id), at, purchase, List.of(LineId.of("l1")));
  }

  @Test
  void theCardIsTenPurchasesWithADrinkForAFiveDollarVoucherAndRestarts() {
    Challenge card = CoffeeStampCard.program().challenges().get(CARD);
    assertThat(card.goal()).isEqualTo(ChallengeGoal.PURCHASES);
    assertThat(card.target()).isEqualByComparingTo("10");
    assertThat(card.categories()).containsExactly("drink");
    assertThat(card.window()).isEqualTo(ChallengeWindow.NONE);
    assertThat(card.grant()).contains(Grant.voucher(Money.of("5.00", "USD")));
    assertThat(card.restarts()).isTrue();
    Badge collector = CoffeeStampCard.program().badges().get(COLLECTOR);
    assertThat(collector.challenge()).contains(CARD);
    assertThat(collector.levels()).containsExactly(BadgeLevel.of("Regular", 1),
        BadgeLevel.of("Devotee", 5));
    assertThat(CoffeeStampCard.program().zone()).hasToString("America/Los_Angeles");
  }

  @Test
  void ninePurchasesGiveNothingTheTenthAFreeDrinkAndTheEleventhStartsTheNextCard() {
    Member ana = lattes(ana(), 1, 9);
    assertThat(completed()).isEmpty();
    assertThat(ana.vouchers()).isEmpty();
    assertThat(last().effects(Effect.ChallengeProgressed.class)).containsExactly(
        new Effect.ChallengeProgressed(CARD, "all", BigDecimal.valueOf(9), BigDecimal.TEN, 0, 0));
    assertThat(card(ana, day(9, 9)).progress()).isEqualByComparingTo("9");
    assertThat(badge(ana, day(9, 9))).isEmpty();

    ana = lattes(ana, 10, 10);
    assertThat(completed()).containsExactly(new Effect.ChallengeCompleted(CARD, "all", 1));
    assertThat(last().effects(Effect.VoucherIssued.class)).singleElement()
        .satisfies(v -> assertThat(v.voucher().value()).isEqualTo(Money.of("5.00", "USD")));
    assertThat(last().effects(Effect.BadgeEarned.class)).containsExactly(
        new Effect.BadgeEarned(COLLECTOR, 1, "Regular", Optional.empty()));
    assertThat(ana.vouchers().values()).extracting(Voucher::value, Voucher::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Money.of("5.00", "USD"),
            VoucherStatus.ISSUED));
    assertThat(ana.vouchers().values()).singleElement()
        .satisfies(v -> assertThat(v.expiresAt()).as("no expiry").isEmpty());
    ChallengeProgress full = card(ana, day(10, 9));
    assertThat(full.progress()).isEqualByComparingTo("0");
    assertThat(full.completions()).isEqualTo(1);
    assertThat(full.open()).isTrue();

    ana = lattes(ana, 11, 11);
    ChallengeProgress next = card(ana, day(11, 9));
    assertThat(next.progress()).as("stamp 1 of the next card").isEqualByComparingTo("1");
    assertThat(next.completionsEver()).isEqualTo(1);
    assertThat(ana.vouchers()).hasSize(1);
    // No points: the card counts stamps, not points.
    assertThat(ana.available(CoffeeStampCard.POINTS)).isZero();
  }

  @Test
  void challengeProgressReportsSevenOfTen() {
    Member ana = lattes(ana(), 1, 7);
    ChallengeProgress card = card(ana, day(7, 9));
    assertThat(card.window()).isEqualTo("all");
    assertThat(card.progress()).isEqualByComparingTo("7");
    assertThat(card.target()).isEqualByComparingTo("10");
    assertThat(card.completions()).isZero();
    assertThat(card.windowEnds()).as("a card never ends").isEmpty();
    assertThat(card.open()).isTrue();
    assertThat(card.progress().toPlainString() + " of " + card.target().toPlainString())
        .isEqualTo("7 of 10");
  }

  @Test
  void onePurchaseIsOneStampHoweverManyDrinksAndAPastryAloneIsNone() {
    Purchase threeLattes = Purchase.builder(ActivityId.of("office-run"), day(1))
        .line(PurchaseLine.of("l1", "latte", "drink", 3, Money.of("4.75", "USD"))).build();
    Member ana = run(ana(), threeLattes);
    assertThat(card(ana, day(1, 9)).progress()).isEqualByComparingTo("1");

    Purchase croissant = Purchase.builder(ActivityId.of("croissant"), day(2))
        .line(line("l1", "croissant", "pastry", "3.25")).build();
    ana = run(ana, croissant);
    assertThat(card(ana, day(2, 9)).progress()).as("no drink, no stamp").isEqualByComparingTo("1");

    Purchase breakfast = Purchase.builder(ActivityId.of("breakfast"), day(3))
        .line(line("l1", "croissant", "pastry", "3.25"))
        .line(line("l2", "cappuccino", "drink", "4.50")).build();
    ana = run(ana, breakfast);
    assertThat(card(ana, day(3, 9)).progress()).isEqualByComparingTo("2");
    // Returning the pastry leaves a drink on the order: the stamp stays.
    ana = run(ana, returnOf("r-1", day(3, 10), breakfast));
    assertThat(card(ana, day(3, 11)).progress()).isEqualByComparingTo("2");
    // Returning one of the three lattes leaves two: the stamp stays.
    ana = run(ana, Return.of(ActivityId.of("r-2"), day(3, 12), threeLattes.id(),
        List.of(org.loyaltyrules.core.activity.ReturnLine.of("l1", 1))));
    assertThat(card(ana, day(3, 13)).progress()).isEqualByComparingTo("2");
  }

  @Test
  void aReturnTakesTheStampOfTheReturnedPurchaseBack() {
    Member ana = lattes(ana(), 1, 6);
    Purchase seventh = latte(7);
    ana = run(ana, seventh);
    assertThat(card(ana, day(7, 9)).progress()).isEqualByComparingTo("7");
    ana = run(ana, returnOf("r-1", day(7, 10), seventh));
    assertThat(card(ana, day(7, 11)).progress()).isEqualByComparingTo("6");
    assertThat(last().effects(Effect.ChallengeProgressed.class)).containsExactly(
        new Effect.ChallengeProgressed(CARD, "all", BigDecimal.valueOf(6), BigDecimal.TEN, 0, 0));
  }

  @Test
  void returningTheTenthPurchaseRevokesTheUnusedVoucherAndTheCardIsBackAtNine() {
    Member ana = lattes(ana(), 1, 9);
    Purchase tenth = latte(10);
    ana = run(ana, tenth);
    assertThat(badge(ana, day(10, 9))).contains("Regular");

    ana = run(ana, returnOf("r-1", day(10, 10), tenth));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).containsExactly(
        new Effect.ChallengeCompletionRevoked(CARD, "all"));
    assertThat(last().effects(Effect.VoucherRevoked.class)).singleElement()
        .satisfies(v -> assertThat(v.voucher().value()).isEqualTo(Money.of("5.00", "USD")));
    assertThat(last().effects(Effect.BadgeLost.class)).containsExactly(
        new Effect.BadgeLost(COLLECTOR, 1, 0, false));
    assertThat(ana.vouchers().values()).extracting(Voucher::status)
        .containsExactly(VoucherStatus.REVOKED);
    ChallengeProgress card = card(ana, day(10, 11));
    assertThat(card.progress()).isEqualByComparingTo("9");
    assertThat(card.completions()).isZero();
    assertThat(badge(ana, day(10, 11))).isEmpty();

    // The next purchase completes the card again, with a new voucher.
    ana = lattes(ana, 11, 11);
    assertThat(last().effects(Effect.VoucherIssued.class)).hasSize(1);
    assertThat(ana.vouchers().values()).extracting(Voucher::status)
        .containsExactlyInAnyOrder(VoucherStatus.REVOKED, VoucherStatus.ISSUED);
    assertThat(card(ana, day(11, 9)).completionsEver()).isEqualTo(1);
    assertThat(badge(ana, day(11, 9))).contains("Regular");
  }

  @Test
  void aUsedVoucherStandsAndTheReturnedStampIsOwedByTheNextCard() {
    Member ana = lattes(ana(), 1, 9);
    Purchase tenth = latte(10);
    ana = run(ana, tenth);
    Voucher voucher = ana.vouchers().values().iterator().next();
    ana = ana.withVoucher(voucher.withStatus(VoucherStatus.APPLIED)); // the host applied it

    ana = run(ana, returnOf("r-1", day(10, 10), tenth));
    assertThat(last().effects(Effect.ChallengeCompletionRevoked.class)).isEmpty();
    assertThat(last().effects(Effect.VoucherRevoked.class)).isEmpty();
    assertThat(last().trace()).anySatisfy(t -> assertThat(t.note()).contains(
        "its voucher was already applied; the completion stands and the progress is owed"));
    assertThat(card(ana, day(10, 11)).progress()).isEqualByComparingTo("0");
    assertThat(card(ana, day(10, 11)).completions()).isEqualTo(1);
    assertThat(badge(ana, day(10, 11))).contains("Regular");

    // The next purchase pays the owed stamp; the one after is stamp 1 of the next card.
    ana = lattes(ana, 11, 11);
    assertThat(card(ana, day(11, 9)).progress()).isEqualByComparingTo("0");
    ana = lattes(ana, 12, 12);
    assertThat(card(ana, day(12, 9)).progress()).isEqualByComparingTo("1");
  }

  @Test
  void fiveCardsMakeADevotee() {
    Member ana = lattes(ana(), 1, 49);
    assertThat(badge(ana, day(49, 9))).contains("Regular");
    assertThat(ana.vouchers()).hasSize(4);
    ana = lattes(ana, 50, 50);
    assertThat(last().effects(Effect.BadgeEarned.class)).containsExactly(
        new Effect.BadgeEarned(COLLECTOR, 2, "Devotee", Optional.empty()));
    assertThat(CAFE.badges(STATE, ana, day(50, 9))).containsExactly(
        new BadgeStatus(COLLECTOR, 2, "Devotee", Optional.empty()));
    assertThat(card(ana, day(50, 9)).completionsEver()).isEqualTo(5);
    assertThat(ana.vouchers().values()).hasSize(5).allSatisfy(v -> {
      assertThat(v.value()).isEqualTo(Money.of("5.00", "USD"));
      assertThat(v.status()).isEqualTo(VoucherStatus.ISSUED);
    });
    assertThat(completed()).extracting(Effect.ChallengeCompleted::completion)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(Set.copyOf(completed().stream().map(Effect.ChallengeCompleted::window).toList()))
        .containsExactly("all");
  }
}
