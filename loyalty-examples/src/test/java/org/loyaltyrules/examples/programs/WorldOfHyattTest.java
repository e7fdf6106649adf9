package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.DINING;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.DISCOVERIST;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.EXPLORIST;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.GLOBALIST;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.LIFETIME_GLOBALIST;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.MEMBER;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.NIGHT;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.POINTS;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.SPA;
import static org.loyaltyrules.examples.programs.WorldOfHyatt.STAYS;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.activity.PointsTransfer;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierDowngrade;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;
import org.loyaltyrules.rules.TierProgress;

/** World of Hyatt's published figures, decided by the library. */
class WorldOfHyattTest {
  private static final CompiledProgram HYATT = LoyaltyRules.compile(WorldOfHyatt.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);

  private static Instant at(int year, int month, int day, int hour) {
    return LocalDateTime.of(year, month, day, hour, 0).atZone(WorldOfHyatt.ZONE).toInstant();
  }

  private static Instant at(int year, int month, int day) {
    return at(year, month, day, 11);
  }

  private static Instant newYear(int year) {
    return at(year, 1, 1, 0);
  }

  private static Member hana() {
    return Member.enroll(MemberId.of("hana"), at(2026, 1, 2));
  }

  /** A room line: {@code nights} nights at a nightly rate. */
  private static PurchaseLine room(String id, long nights, String rate) {
    return PurchaseLine.of(id, "king-room", STAYS, nights, Money.of(rate, "USD"))
        .withUnitOfMeasure(NIGHT);
  }

  private static PurchaseLine line(String id, String category, String price) {
    return PurchaseLine.of(id, category + "-" + id, category, 1, Money.of(price, "USD"));
  }

  private static Decision folio(Member member, String id, Instant at, PurchaseLine... lines) {
    Purchase purchase = Purchase.builder(ActivityId.of(id), at).lines(List.of(lines)).build();
    return HYATT.decide(STATE, member, purchase, at, RANDOM);
  }

  private static Decision stay(Member member, String id, Instant at, long nights) {
    return folio(member, id, at, room("l1", nights, "150.00"));
  }

  private static TierProgress progress(Member member, Instant at) {
    return HYATT.tierProgress(STATE, member, at);
  }

  private static List<Effect.TierChanged> tierChanges(Decision d) {
    return d.effects(Effect.TierChanged.class);
  }

  @Test
  void fiveTiersByQualifyingNightsInTheCalendarYearAndLifetimeGlobalistOnLifetimeNights() {
    TierLadder ladder = WorldOfHyatt.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.NIGHTS);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.calendarYear());
    assertThat(ladder.downgrade()).isEqualTo(TierDowngrade.TO_EARNED);
    assertThat(ladder.grace()).isEqualTo(Period.ZERO);
    assertThat(ladder.tiers()).extracting(Tier::id).containsExactly(MEMBER, DISCOVERIST,
        EXPLORIST, GLOBALIST, LIFETIME_GLOBALIST);
    assertThat(ladder.tiers()).extracting(t -> t.threshold().longValueExact())
        .containsExactly(0L, 10L, 30L, 60L, 1000L);
    assertThat(ladder.tiers()).extracting(Tier::window).containsExactly(Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(QualificationWindow.lifetime()));
  }

  @Test
  void freeToJoinWithNoThreshold() {
    assertThat(WorldOfHyatt.program().plans()).as("no fee").isEmpty();

    Decision joined = HYATT.advance(STATE, hana(), at(2026, 1, 2));

    assertThat(joined.member().tierId()).as("Member from the start, with no stay").contains(
        MEMBER);
    assertThat(joined.effects()).containsExactly(new Effect.TierChanged(Optional.empty(),
        MEMBER));
  }

  @Test
  void fiveBasePointsPerDollarOnStaysDiningAndSpaOnly() {
    Decision d = folio(hana(), "f-1", at(2026, 3, 3), room("l1", 2, "199.50"),
        line("l2", DINING, "80.40"), line("l3", SPA, "120.00"), line("l4", "gift-shop", "50.00"));

    assertThat(d.member().available(POINTS)).as("5 x (399 + 80.40 + 120), gift shop excluded")
        .isEqualTo(5 * 399 + 402 + 600);
    assertThat(d.effects(Effect.PointsEarned.class)).singleElement()
        .satisfies(e -> assertThat(e.rule()).contains(WorldOfHyatt.BASE_RATE));
    assertThat(progress(d.member(), at(2026, 3, 3)).credit()).as("the room's nights only")
        .isEqualByComparingTo("2");
  }

  @Test
  void diningAndSpaEarnFivePointsPerDollarButNoNights() {
    Decision dinner = folio(hana(), "d-1", at(2026, 3, 3), line("l1", DINING, "64.00"));
    assertThat(dinner.member().available(POINTS)).isEqualTo(320);
    Decision massage = folio(dinner.member(), "s-1", at(2026, 3, 4), line("l1", SPA, "180.00"));
    assertThat(massage.member().available(POINTS)).isEqualTo(320 + 900);

    TierProgress progress = progress(massage.member(), at(2026, 3, 4));
    assertThat(progress.credit()).isEqualByComparingTo("0");
    assertThat(progress.toNext()).as("still 10 nights to Discoverist").isEqualByComparingTo("10");
    assertThat(massage.member().tierId()).contains(MEMBER);
  }

  @Test
  void tenNightsAcrossSeveralStaysMakeDiscoverist() {
    Decision first = stay(hana(), "s-1", at(2026, 2, 10), 4);
    Decision second = stay(first.member(), "s-2", at(2026, 3, 10), 3);
    Decision third = stay(second.member(), "s-3", at(2026, 4, 10), 2);
    assertThat(third.member().tierId()).as("9 nights").contains(MEMBER);
    assertThat(progress(third.member(), at(2026, 4, 10)).credit()).isEqualByComparingTo("9");

    Decision fourth = stay(third.member(), "s-4", at(2026, 5, 10), 1);

    assertThat(fourth.member().tierId()).contains(DISCOVERIST);
    assertThat(tierChanges(fourth)).containsExactly(new Effect.TierChanged(Optional.of(MEMBER),
        DISCOVERIST));
    TierProgress progress = progress(fourth.member(), at(2026, 5, 10));
    assertThat(progress.credit()).as("4 + 3 + 2 + 1").isEqualByComparingTo("10");
    assertThat(progress.next()).contains(EXPLORIST);
    assertThat(progress.toNext()).isEqualByComparingTo("20");
    assertThat(fourth.member().available(POINTS)).as("10 nights at $150, 5 points per $1")
        .isEqualTo(7_500);
  }

  @Test
  void thirtyNightsMakeExploristAndSixtyGlobalist() {
    Member m = stay(hana(), "s-1", at(2026, 2, 1), 10).member();
    assertThat(m.tierId()).contains(DISCOVERIST);
    m = stay(m, "s-2", at(2026, 3, 1), 19).member();
    assertThat(m.tierId()).as("29 nights").contains(DISCOVERIST);

    Decision explorist = stay(m, "s-3", at(2026, 4, 1), 1);
    assertThat(explorist.member().tierId()).as("30 nights").contains(EXPLORIST);
    assertThat(tierChanges(explorist)).containsExactly(new Effect.TierChanged(
        Optional.of(DISCOVERIST), EXPLORIST));

    m = stay(explorist.member(), "s-4", at(2026, 6, 1), 29).member();
    assertThat(m.tierId()).as("59 nights").contains(EXPLORIST);
    Decision globalist = stay(m, "s-5", at(2026, 7, 1), 1);

    assertThat(globalist.member().tierId()).as("60 nights").contains(GLOBALIST);
    assertThat(tierChanges(globalist)).containsExactly(new Effect.TierChanged(
        Optional.of(EXPLORIST), GLOBALIST));
    TierProgress progress = progress(globalist.member(), at(2026, 7, 1));
    assertThat(progress.credit()).isEqualByComparingTo("60");
    assertThat(progress.next()).contains(LIFETIME_GLOBALIST);
    assertThat(progress.toNext()).as("lifetime nights toward 1,000").isEqualByComparingTo("940");
  }

  @Test
  void aGlobalistWithNoNightsInTheNextYearIsLoweredAtItsClose() {
    Member globalist = stay(hana(), "s-1", at(2026, 9, 1), 60).member();
    assertThat(globalist.tierId()).contains(GLOBALIST);

    Member in2027 = HYATT.advance(STATE, globalist, at(2027, 12, 31, 23)).member();
    assertThat(in2027.tierId()).as("earned in 2026, held all of 2027").contains(GLOBALIST);
    assertThat(progress(in2027, at(2027, 12, 31, 23)).toKeep())
        .as("60 nights in 2027 would have kept it").isEqualByComparingTo("60");

    Decision review = HYATT.advance(STATE, in2027, newYear(2028));

    assertThat(review.member().tierId()).as("to the tier earned: no nights").contains(MEMBER);
    assertThat(review.effects()).containsExactly(new Effect.TierChanged(Optional.of(GLOBALIST),
        MEMBER));
  }

  @Test
  void aThousandLifetimeNightsGiveLifetimeGlobalistWhichNoLaterReviewTakesAway() {
    Member m = hana();
    int n = 0;
    for (int year = 2026; year <= 2028; year++) {
      for (int month = 2; month <= 12; month += 2) {
        m = stay(m, "s-" + ++n, at(year, month, 1), 50).member();
      }
    }
    assertThat(m.tierId()).as("300 nights a year").contains(GLOBALIST);
    m = stay(m, "s-" + ++n, at(2029, 3, 1), 50).member();
    m = stay(m, "s-" + ++n, at(2029, 5, 1), 49).member();
    assertThat(m.tierId()).as("999 lifetime nights").contains(GLOBALIST);
    assertThat(progress(m, at(2029, 5, 1)).toNext()).isEqualByComparingTo("1");

    Decision lifetime = stay(m, "s-" + ++n, at(2029, 6, 1), 1);

    assertThat(lifetime.member().tierId()).contains(LIFETIME_GLOBALIST);
    assertThat(tierChanges(lifetime)).containsExactly(new Effect.TierChanged(
        Optional.of(GLOBALIST), LIFETIME_GLOBALIST));
    assertThat(lifetime.member().tier().orElseThrow().validThrough()).as("held for life")
        .isEmpty();
    TierProgress top = progress(lifetime.member(), at(2029, 6, 1));
    assertThat(top.next()).isEmpty();
    assertThat(top.toKeep()).isEqualByComparingTo("0");

    // no nights in 2030 nor after: a Globalist would be lowered at the close of 2030
    Decision review2031 = HYATT.advance(STATE, lifetime.member(), newYear(2031));
    assertThat(review2031.member().tierId()).contains(LIFETIME_GLOBALIST);
    assertThat(review2031.effects()).isEmpty();
    Member years = HYATT.advance(STATE, review2031.member(), at(2036, 6, 1)).member();
    assertThat(years.tierId()).contains(LIFETIME_GLOBALIST);
  }

  @Test
  void pointsTransferToAirlineMilesAtFiveToTwoFromFiveThousandInStepsOfTwelveFifty() {
    Member rich = stay(hana(), "s-1", at(2026, 3, 2, 11), 10).member();
    assertThat(rich.available(POINTS)).isGreaterThanOrEqualTo(6_250);
    Instant t = at(2026, 3, 5, 9);

    Decision moved = HYATT.decide(STATE, rich, new PointsTransfer(ActivityId.of("x-1"), t,
        WorldOfHyatt.AIRLINE, POINTS, 6_250), t, RANDOM);

    assertThat(moved.effects()).containsExactly(new Effect.PointsTransferred(
        WorldOfHyatt.AIRLINE, POINTS, 6_250, "miles", 2_500));
    assertThat(moved.member().available(POINTS)).isEqualTo(rich.available(POINTS) - 6_250);
    assertThatThrownBy(() -> HYATT.decide(STATE, rich, new PointsTransfer(ActivityId.of("x-2"),
            t, WorldOfHyatt.AIRLINE, POINTS, 6_000), t, RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("points transfer x-2: 6000 points is not a valid amount for partner airline "
            + "(at least 5000, in steps of 1250); the nearest valid amounts are 5000 and 6250");
    assertThatThrownBy(() -> HYATT.decide(STATE, rich, new PointsTransfer(ActivityId.of("x-3"),
            t, WorldOfHyatt.AIRLINE, POINTS, 4_000), t, RANDOM))
        .isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("the nearest valid amount is 5000");
  }
}
