package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.loyaltyrules.examples.programs.SwarmPerks.BLUE_DOOR_ID;
import static org.loyaltyrules.examples.programs.SwarmPerks.BOOKS_COUPON;
import static org.loyaltyrules.examples.programs.SwarmPerks.BOOKS_REGULAR;
import static org.loyaltyrules.examples.programs.SwarmPerks.CAFE_COUPON;
import static org.loyaltyrules.examples.programs.SwarmPerks.CAFE_REGULAR;
import static org.loyaltyrules.examples.programs.SwarmPerks.CHECK_INS;
import static org.loyaltyrules.examples.programs.SwarmPerks.COINS;
import static org.loyaltyrules.examples.programs.SwarmPerks.CORNER_BOOKS_ID;
import static org.loyaltyrules.examples.programs.SwarmPerks.LAKESIDE_SPA_ID;
import static org.loyaltyrules.examples.programs.SwarmPerks.WEEKLY;
import static org.loyaltyrules.examples.programs.SwarmPerks.WEEKLY_STREAK;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.LineId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PrizeId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.EngagementEvent;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.DrawResult;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.decision.ProgramStateChange;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.ChallengeGoal;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.Prize;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.loyaltyrules.rules.BadgeStatus;
import org.loyaltyrules.rules.ChallengeProgress;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * Swarm Perks' figures, decided by the library: coins once a day, a partner's 20 %-off coupon
 * every 5 check-ins there, one sweepstakes entry a day, the two-week streak, the check-in badge,
 * and a seeded weekly draw over five members' entries.
 */
class SwarmPerksTest {
  private static final Program PROGRAM = SwarmPerks.program();
  private static final CompiledProgram SWARM = LoyaltyRules.compile(PROGRAM);
  private static final ProgramState EMPTY = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  /** The seed the host publishes for the draw of the week of 1 June 2026 (choice). */
  private static final long PUBLISHED_SEED = 20260607L;
  private static final MemberId ANA = MemberId.of("ana");
  private static final MemberId BO = MemberId.of("bo");
  private static final MemberId CY = MemberId.of("cy");
  private static final MemberId DI = MemberId.of("di");
  private static final MemberId ED = MemberId.of("ed");

  /** The program-level state and the members, decided activity by activity. */
  private ProgramState state = EMPTY;
  private final Map<MemberId, Member> members = new TreeMap<>();
  private final List<Decision> decisions = new ArrayList<>();
  private int sequence;

  /** An instant in June 2026, in the program's zone. */
  private static Instant june(int day, int hour) {
    return LocalDateTime.of(2026, 6, day, hour, 0).atZone(SwarmPerks.ZONE).toInstant();
  }

  private Decision decide(MemberId id, Activity activity) {
    Member member = members.computeIfAbsent(id,
        m -> Member.enroll(m, june(1, 0)));
    Decision d = SWARM.decide(state, member, activity, activity.occurredAt(), RANDOM);
    assertThat(d.isRefused()).as("%s refused: %s", activity.id(), d.errors()).isFalse();
    members.put(id, d.member());
    state = state.apply(d.programStateChanges());
    decisions.add(d);
    return d;
  }

  private Decision checkIn(MemberId member, int day, int hour, String place) {
    return checkIn(member, june(day, hour), place);
  }

  private Decision checkIn(MemberId member, Instant at, String place) {
    EngagementEvent event = EngagementEvent.of(ActivityId.of("c-" + ++sequence), at,
        EngagementType.CHECK_IN).withAttribute(SwarmPerks.PLACE, place);
    return decide(member, event);
  }

  private Member member(MemberId id) {
    return members.get(id);
  }

  private long entries(MemberId member) {
    return state.drawEntries(WEEKLY).getOrDefault(member, 0L);
  }

  private ChallengeProgress progress(MemberId member, ChallengeId id, Instant at) {
    return SWARM.challengeProgress(state, member(member), at).stream()
        .filter(p -> p.challenge().equals(id)).findFirst().orElseThrow();
  }

  private Optional<String> badge(MemberId member, Instant at) {
    return SWARM.badges(state, member(member), at).stream()
        .filter(b -> b.badge().equals(CHECK_INS)).map(BadgeStatus::levelName).findFirst();
  }

  private static Purchase order(String id, Instant at, String first, String second) {
    return Purchase.builder(ActivityId.of(id), at)
        .line(PurchaseLine.of("l1", "novel", "books", 1, Money.of(first, "USD")))
        .line(PurchaseLine.of("l2", "bookmark-set", "gifts", 1, Money.of(second, "USD")))
        .build();
  }

  @Test
  void theFirstCheckInOfADayEarnsFiveCoinsAnywhere() {
    EarnRule.EventBonus rule = (EarnRule.EventBonus) PROGRAM.earnRules().get(0);
    assertThat(rule.id()).isEqualTo(SwarmPerks.CHECK_IN_COINS);
    assertThat(rule.event()).isEqualTo(EngagementType.CHECK_IN);
    assertThat(rule.frequency()).isEqualTo(Frequency.ONCE_PER_DAY);

    Decision park = checkIn(ANA, 1, 8, "city-park");
    assertThat(park.effects(Effect.PointsEarned.class)).extracting(Effect.PointsEarned::points)
        .containsExactly(5L);
    Decision books = checkIn(ANA, 1, 18, CORNER_BOOKS_ID);
    assertThat(books.effects(Effect.PointsEarned.class)).as("once a day").isEmpty();
    assertThat(books.trace()).anySatisfy(t -> {
      assertThat(t.rule()).isEqualTo(SwarmPerks.CHECK_IN_COINS);
      assertThat(t.note()).isEqualTo("already earned once per day");
    });
    checkIn(ANA, 2, 8, CORNER_BOOKS_ID);
    assertThat(member(ANA).available(COINS)).as("two days, 5 coins each").isEqualTo(10);
  }

  @Test
  void fiveCheckInsAtAPartnerEarnItsTwentyPercentCouponFree() {
    assertThat(PROGRAM.rewards().values()).extracting(Reward::id, Reward::kind, Reward::percent,
        Reward::cost, r -> r.partner().orElseThrow().value()).containsExactly(
            tuple(BOOKS_COUPON, RewardKind.PERCENT_DISCOUNT, Optional.of(BigDecimal.valueOf(20)),
                200L, CORNER_BOOKS_ID),
            tuple(CAFE_COUPON, RewardKind.PERCENT_DISCOUNT, Optional.of(BigDecimal.valueOf(20)),
                200L, BLUE_DOOR_ID));
    assertThat(PROGRAM.challenges().get(BOOKS_REGULAR).attributes())
        .isEqualTo(Map.of(SwarmPerks.PLACE, CORNER_BOOKS_ID));

    for (int day = 1; day <= 4; day++) {
      checkIn(ANA, day, 8, CORNER_BOOKS_ID);
    }
    checkIn(ANA, 4, 12, BLUE_DOOR_ID);
    assertThat(progress(ANA, BOOKS_REGULAR, june(4, 13)).progress()).isEqualByComparingTo("4");
    assertThat(progress(ANA, CAFE_REGULAR, june(4, 13)).progress()).as("another place's card")
        .isEqualByComparingTo("1");

    Decision fifth = checkIn(ANA, 5, 8, CORNER_BOOKS_ID);
    assertThat(fifth.effects()).contains(
        new Effect.ChallengeCompleted(BOOKS_REGULAR, "all", 1),
        new Effect.RewardRedeemed(BOOKS_COUPON, 1, COINS, 0));
    assertThat(member(ANA).available(COINS)).as("the coupon costs no coins: 5 days x 5")
        .isEqualTo(25);
    ChallengeProgress card = progress(ANA, BOOKS_REGULAR, june(5, 9));
    assertThat(card.progress()).as("the card starts again").isEqualByComparingTo("0");
    assertThat(card.target()).isEqualByComparingTo("5");
    assertThat(card.completionsEver()).isEqualTo(1);

    for (int day = 6; day <= 10; day++) {
      checkIn(ANA, day, 8, CORNER_BOOKS_ID);
    }
    assertThat(progress(ANA, BOOKS_REGULAR, june(10, 9)).completionsEver())
        .as("every 5 check-ins").isEqualTo(2);
  }

  @Test
  void aCouponCanAlsoBeBoughtForTwoHundredCoins() {
    // A check-in a day for 40 days, 1 June to 10 July: 40 x 5 coins, and six weeks running of
    // three check-ins or more (W23 to W28) complete the two-week streak three times.
    for (int day = 0; day < 40; day++) {
      checkIn(ANA, june(1, 8).plus(Duration.ofDays(day)), "city-park");
    }
    assertThat(member(ANA).available(COINS)).isEqualTo(40 * 5 + 3 * 25);
    Decision bought = decide(ANA, RedeemReward.of(ActivityId.of("buy-1"), june(30, 21)
        .plus(Duration.ofDays(10)), CAFE_COUPON));
    assertThat(bought.effects()).contains(new Effect.RewardRedeemed(CAFE_COUPON, 1, COINS, 200));
    assertThat(member(ANA).available(COINS)).isEqualTo(275 - 200);

    // The café honours the coupon: the operator owes it $0.01 a coin, $2.00 for July.
    List<Posting> redeemed = bought.postings().stream()
        .filter(p -> p.type() == PostingType.REDEEM).toList();
    assertThat(redeemed).as("one posting per lot spent, oldest first")
        .allSatisfy(p -> assertThat(p.honouredBy()).contains(SwarmPerks.BLUE_DOOR));
    assertThat(redeemed.stream().mapToLong(Posting::amount).sum()).isEqualTo(200);
    PartnerSettlement cafe = SettlementStatement.forMonth(PROGRAM, COINS, YearMonth.of(2026, 7),
        member(ANA).ledger().postings()).partner(SwarmPerks.BLUE_DOOR).orElseThrow();
    assertThat(cafe.honoured()).isEqualTo(200);
    assertThat(cafe.reimbursementDue()).isEqualTo(Money.of("2.00", "USD"));
  }

  @Test
  void twoPartnerStoresSettlingCoinsAtOneCentInLosAngelesTime() {
    assertThat(PROGRAM.id().value()).isEqualTo("swarm-perks");
    assertThat(PROGRAM.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(PROGRAM.currency()).isEqualTo(Currency.getInstance("USD"));
    assertThat(PROGRAM.units().keySet()).containsExactly(COINS);
    assertThat(PROGRAM.partners().values()).extracting(p -> p.id().value(),
        Partner::fundingCost, Partner::reimbursement).containsExactly(
            tuple(CORNER_BOOKS_ID, Money.of("0.01", "USD"), Money.of("0.01", "USD")),
            tuple(BLUE_DOOR_ID, Money.of("0.01", "USD"), Money.of("0.01", "USD")));
  }

  @Test
  void aCheckInAtAParticipatingPlaceIsOneEntryOnceADay() {
    Draw weekly = PROGRAM.draw(WEEKLY);
    assertThat(weekly.entries()).isEqualTo(1);
    assertThat(weekly.frequency()).isEqualTo(Frequency.ONCE_PER_DAY);
    assertThat(weekly.window()).isEmpty();
    assertThat(weekly.earnedBy()).containsExactly(
        new EntryTrigger.Event(EngagementType.CHECK_IN, Map.of(SwarmPerks.PLACE,
            Set.of(CORNER_BOOKS_ID, BLUE_DOOR_ID, LAKESIDE_SPA_ID))),
        new EntryTrigger.Purchase(Money.of("25", "USD")));

    Decision spa = checkIn(ANA, 1, 9, LAKESIDE_SPA_ID);
    assertThat(spa.effects()).contains(new Effect.DrawEntriesEarned(WEEKLY, 1));
    assertThat(spa.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(WEEKLY, ANA, 1));
    Decision sameDay = checkIn(ANA, 1, 17, CORNER_BOOKS_ID);
    assertThat(sameDay.programStateChanges()).as("once a day").isEmpty();
    Decision park = checkIn(ANA, 2, 9, "city-park");
    assertThat(park.programStateChanges()).as("not a participating place").isEmpty();
    checkIn(ANA, 2, 12, BLUE_DOOR_ID);
    assertThat(entries(ANA)).isEqualTo(2);
  }

  @Test
  void aPurchaseOfTwentyFiveDollarsEarnsTheDaysEntryAndAReturnBelowItWithdrawsIt() {
    Purchase thirty = order("o-1", june(5, 13), "18.00", "12.00");
    Decision bought = decide(ANA, thirty);
    assertThat(bought.effects()).contains(new Effect.DrawEntriesEarned(WEEKLY, 1));
    assertThat(entries(ANA)).isEqualTo(1);
    Decision under = decide(ANA, order("o-2", june(6, 13), "14.99", "10.00"));
    assertThat(under.programStateChanges()).as("$24.99 is below $25").isEmpty();

    Decision returned = decide(ANA, Return.ofWholeLines(ActivityId.of("r-1"), june(6, 15),
        thirty, List.of(LineId.of("l2"))));
    assertThat(returned.effects()).contains(new Effect.DrawEntriesWithdrawn(WEEKLY, 1));
    assertThat(returned.programStateChanges()).containsExactly(
        new ProgramStateChange.DrawEntered(WEEKLY, ANA, -1));
    assertThat(entries(ANA)).as("$18 left is below $25").isZero();
  }

  @Test
  void threeCheckInsAWeekTwoWeeksRunningEarnTwentyFiveCoins() {
    assertThat(PROGRAM.challenges().get(WEEKLY_STREAK)).satisfies(c -> {
      assertThat(c.goal()).isEqualTo(ChallengeGoal.EVENTS);
      assertThat(c.window()).isEqualTo(ChallengeWindow.WEEK);
      assertThat(c.target()).isEqualByComparingTo("3");
      assertThat(c.streak()).isEqualTo(2);
      assertThat(c.restarts()).isTrue();
    });
    // Week of 1 June: three check-ins, two of them on Monday.
    checkIn(ANA, 1, 8, "city-park");
    checkIn(ANA, 1, 12, "city-park");
    checkIn(ANA, 3, 8, "city-park");
    assertThat(progress(ANA, WEEKLY_STREAK, june(3, 9)).streak()).isEqualTo(1);
    // Week of 8 June: the third check-in completes the streak.
    checkIn(ANA, 8, 8, "city-park");
    checkIn(ANA, 9, 8, "city-park");
    long before = member(ANA).available(COINS);
    Decision third = checkIn(ANA, 10, 8, "city-park");
    assertThat(third.effects()).contains(new Effect.ChallengeCompleted(WEEKLY_STREAK,
        "2026-W24", 1));
    assertThat(third.effects(Effect.PointsEarned.class)).extracting(
        e -> e.rule().orElseThrow().value(), Effect.PointsEarned::points).containsExactly(
            tuple("challenge:weekly-streak@2026-W24", 25L), tuple("check-in-coins", 5L));
    assertThat(member(ANA).available(COINS)).isEqualTo(before + 5 + 25);
    assertThat(member(ANA).available(COINS)).as("5 days of check-ins, and the streak")
        .isEqualTo(5 * 5 + 25);

    // Week of 15 June: only two check-ins, so the week of 22 June starts a new streak.
    checkIn(ANA, 15, 8, "city-park");
    checkIn(ANA, 16, 8, "city-park");
    for (int day = 22; day <= 24; day++) {
      checkIn(ANA, day, 8, "city-park");
    }
    assertThat(progress(ANA, WEEKLY_STREAK, june(24, 9)).streak()).isEqualTo(1);
    assertThat(progress(ANA, WEEKLY_STREAK, june(24, 9)).completionsEver()).isEqualTo(1);
  }

  @Test
  void theCheckInBadgeIsExplorerAtTenTrailblazerAtFiftyLegendAtAHundred() {
    assertThat(PROGRAM.badges().get(CHECK_INS).levels()).extracting(l -> l.name(),
        l -> l.threshold().longValueExact()).containsExactly(tuple("Explorer", 10L),
            tuple("Trailblazer", 50L), tuple("Legend", 100L));
    Map<Integer, Optional<String>> held = new TreeMap<>();
    for (int n = 1; n <= 100; n++) {
      // Check-ins count whatever the place and however many a day: four a day here.
      checkIn(ANA, 1 + (n - 1) / 4, 8 + (n - 1) % 4, "city-park");
      if (Set.of(9, 10, 49, 50, 99, 100).contains(n)) {
        held.put(n, badge(ANA, june(1 + (n - 1) / 4, 13)));
      }
    }
    assertThat(held).containsExactly(
        Map.entry(9, Optional.empty()),
        Map.entry(10, Optional.of("Explorer")),
        Map.entry(49, Optional.of("Explorer")),
        Map.entry(50, Optional.of("Trailblazer")),
        Map.entry(99, Optional.of("Trailblazer")),
        Map.entry(100, Optional.of("Legend")));
    assertThat(decisions.stream().flatMap(d -> d.effects(Effect.BadgeEarned.class).stream()))
        .as("one effect per level reached").hasSize(3);
  }

  /**
   * The week of 1 June 2026 for five members: Ana 3 entries, Bo 1, Cy 5, Di 2 (one from a $40
   * purchase), Ed 1. Twelve tickets: in member-id order Ana 0-2, Bo 3, Cy 4-8, Di 9-10, Ed 11.
   */
  private void fiveMembersCheckInForAWeek() {
    checkIn(ANA, 1, 8, CORNER_BOOKS_ID);
    checkIn(ANA, 1, 18, LAKESIDE_SPA_ID);       // the same day: no second entry
    checkIn(ANA, 2, 8, "city-park");             // not participating
    checkIn(ANA, 3, 8, CORNER_BOOKS_ID);
    checkIn(ANA, 4, 8, BLUE_DOOR_ID);
    checkIn(BO, 6, 15, LAKESIDE_SPA_ID);
    for (int day = 1; day <= 5; day++) {
      checkIn(CY, day, 7, BLUE_DOOR_ID);
    }
    checkIn(DI, 2, 10, CORNER_BOOKS_ID);
    checkIn(DI, 4, 10, "city-park");
    decide(DI, order("d-1", june(5, 17), "30.00", "10.00"));
    checkIn(ED, 7, 10, BLUE_DOOR_ID);
  }

  @Test
  void aSeededWeeklyDrawPicksTheSameWinnersOnEveryRunAndConsumesTheEntries() {
    assertThat(PROGRAM.draw(WEEKLY).prizes()).extracting(p -> p.id().value(), Prize::quantity)
        .containsExactly(tuple("trip", 1L), tuple("spa", 2L), tuple("shopping", 1L));
    assertThat(PROGRAM.draw(WEEKLY).prizeCount()).isEqualTo(4);
    fiveMembersCheckInForAWeek();
    assertThat(state.drawEntries(WEEKLY)).containsExactlyInAnyOrderEntriesOf(Map.of(
        ANA, 3L, BO, 1L, CY, 5L, DI, 2L, ED, 1L));

    Instant sundayNight = june(7, 21);
    DrawResult result = SWARM.runDraw(state, WEEKLY, sundayNight,
        new SplittableRandom(PUBLISHED_SEED));

    assertThat(result.seed()).as("the seed recorded for auditors")
        .isEqualTo(new SplittableRandom(PUBLISHED_SEED).nextLong());
    assertThat(result.at()).isEqualTo(sundayNight);
    assertThat(result.entrants()).isEqualTo(5);
    assertThat(result.entries()).isEqualTo(12);
    assertThat(result.winners()).extracting(w -> w.prize().value(), w -> w.member().value(),
        DrawResult.Winner::ticket, DrawResult.Winner::pool).containsExactly(
            // ticket 1 of Ana's 0-2 among all 12 tickets
            tuple("trip", "ana", 1L, 12L),
            // without Ana's 3: Bo 0, Cy 1-5, Di 6-7, Ed 8
            tuple("spa", "bo", 0L, 9L),
            // without Bo's 1: Cy 0-4, Di 5-6, Ed 7
            tuple("spa", "di", 5L, 8L),
            // without Di's 2: Cy 0-4, Ed 5; Ed, with one entry, wins nothing this week
            tuple("shopping", "cy", 1L, 6L));
    assertThat(SWARM.runDraw(state, WEEKLY, sundayNight, new SplittableRandom(PUBLISHED_SEED)))
        .as("the same seed, the same draw").isEqualTo(result);
    assertThat(SWARM.runDraw(state, WEEKLY, sundayNight, new SplittableRandom(PUBLISHED_SEED + 1))
        .winners()).as("another seed, another draw").isNotEqualTo(result.winners());

    // Each ticket falls in its winner's block of the pool still in the draw, in member-id order.
    Map<MemberId, Long> pool = new TreeMap<>(state.drawEntries(WEEKLY));
    for (DrawResult.Winner w : result.winners()) {
      assertThat(w.pool()).isEqualTo(pool.values().stream().mapToLong(Long::longValue).sum());
      long below = 0;
      for (Map.Entry<MemberId, Long> e : pool.entrySet()) {
        if (e.getKey().equals(w.member())) {
          assertThat(w.ticket()).isBetween(below, below + e.getValue() - 1);
        }
        below += e.getValue();
      }
      pool.remove(w.member());
    }

    state = state.apply(result.changes());
    assertThat(state.drawEntries(WEEKLY)).as("every entry consumed").isEmpty();
    assertThat(state.prizesAwarded(WEEKLY, PrizeId.of("spa"))).isEqualTo(2);
    assertThat(state.prizesAwarded(WEEKLY)).isEqualTo(4);
    // The next week starts afresh: Monday's check-in is the first entry.
    checkIn(ANA, 8, 8, CORNER_BOOKS_ID);
    assertThat(state.drawEntries(WEEKLY)).containsExactly(Map.entry(ANA, 1L));
  }
}
