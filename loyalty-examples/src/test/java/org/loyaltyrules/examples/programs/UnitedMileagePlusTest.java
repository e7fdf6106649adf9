package org.loyaltyrules.examples.programs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.CAR_RENTAL;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.CARD_ISSUER;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.EXPLORER_CARD;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.HOTEL;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.MILES;
import static org.loyaltyrules.examples.programs.UnitedMileagePlus.PQP;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.loyaltyrules.core.ActivityId;
import org.loyaltyrules.core.MemberId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.activity.Activity;
import org.loyaltyrules.core.activity.Purchase;
import org.loyaltyrules.core.activity.PurchaseLine;
import org.loyaltyrules.core.activity.RedeemReward;
import org.loyaltyrules.core.activity.Return;
import org.loyaltyrules.core.decision.Decision;
import org.loyaltyrules.core.decision.Effect;
import org.loyaltyrules.core.decision.ProgramState;
import org.loyaltyrules.core.ledger.Posting;
import org.loyaltyrules.core.ledger.PostingType;
import org.loyaltyrules.core.member.Member;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.settlement.PartnerSettlement;
import org.loyaltyrules.core.settlement.PointFlows;
import org.loyaltyrules.core.settlement.SettlementStatement;
import org.loyaltyrules.rules.CompiledProgram;
import org.loyaltyrules.rules.LoyaltyRules;

/**
 * United MileagePlus' figures, decided by the library: the operator's flights, the partners'
 * own rates, the co-branded card, premier tiers on PQP, partner awards and the monthly
 * settlement, with every amount of money computed by hand.
 */
class UnitedMileagePlusTest {
  private static final CompiledProgram UNITED = LoyaltyRules.compile(UnitedMileagePlus.program());
  private static final ProgramState STATE = ProgramState.initial(Money.currency("USD"));
  private static final RandomGenerator RANDOM = new SplittableRandom(2026);
  private static final YearMonth MARCH = YearMonth.of(2026, 3);

  private static Instant at(int month, int day) {
    return LocalDateTime.of(2026, month, day, 12, 0).atZone(UnitedMileagePlus.ZONE).toInstant();
  }

  private static Member maya() {
    return Member.enroll(MemberId.of("maya"), at(3, 1));
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  /** A fare on the operator's own flights: no partner. */
  private static Purchase flight(String id, Instant when, String fare, boolean card) {
    return withCard(Purchase.builder(ActivityId.of(id), when), card)
        .line(PurchaseLine.of("l1", "fare", UnitedMileagePlus.FLIGHT, 1, usd(fare))).build();
  }

  /** A stay at the partner hotels: {@code nights} nights at a nightly rate. */
  private static Purchase stay(String id, Instant when, long nights, String rate, boolean card) {
    return withCard(Purchase.builder(ActivityId.of(id), when).partner(HOTEL), card)
        .line(PurchaseLine.of("l1", "room", UnitedMileagePlus.HOTEL_STAY, nights, usd(rate))
            .withUnitOfMeasure("night")).build();
  }

  /** A rental from the partner car rental company: {@code days} days at a daily rate. */
  private static Purchase rental(String id, Instant when, long days, String rate, boolean card) {
    return withCard(Purchase.builder(ActivityId.of(id), when).partner(CAR_RENTAL), card)
        .line(PurchaseLine.of("l1", "compact", UnitedMileagePlus.CAR, days, usd(rate))
            .withUnitOfMeasure("day")).build();
  }

  /** Everyday spending the card issuer reports. */
  private static Purchase everyday(String id, Instant when, String amount, boolean card) {
    return withCard(Purchase.builder(ActivityId.of(id), when).partner(CARD_ISSUER), card)
        .line(PurchaseLine.of("l1", "groceries", UnitedMileagePlus.EVERYDAY, 1, usd(amount)))
        .build();
  }

  private static Purchase.Builder withCard(Purchase.Builder b, boolean card) {
    return card ? b.paymentInstrument(EXPLORER_CARD) : b;
  }

  private static RedeemReward redeem(String id, Instant when, RewardId reward, int quantity) {
    return new RedeemReward(ActivityId.of(id), when, reward, quantity);
  }

  private static Decision decide(Member member, Activity activity) {
    Decision d = UNITED.decide(STATE, member, activity, activity.occurredAt(), RANDOM);
    assertThat(d.isRefused()).as("%s refused: %s", activity.id(), d.errors()).isFalse();
    return d;
  }

  /** Runs the activities in order, collecting every posting; returns the member after them. */
  private static Member run(Member member, List<Posting> postings, Activity... activities) {
    for (Activity a : activities) {
      Decision d = decide(member, a);
      postings.addAll(d.postings());
      member = d.member();
    }
    return member;
  }

  private static List<Tuple2> earned(Decision d) {
    return d.effects(Effect.PointsEarned.class).stream()
        .map(e -> new Tuple2(e.unit().value() + ":" + e.rule().orElseThrow().value(), e.points()))
        .toList();
  }

  private record Tuple2(String rule, long points) {}

  @Test
  void aFlightEarnsFiveMilesAndOnePqpPerDollarFundedByTheOperator() {
    Decision d = decide(maya(), flight("f-1", at(3, 2), "480.00", false));

    assertThat(d.member().available(MILES)).isEqualTo(5 * 480);
    assertThat(d.member().available(PQP)).isEqualTo(480);
    assertThat(earned(d)).containsExactly(new Tuple2("miles:flight-miles", 2_400),
        new Tuple2("pqp:flight-pqp", 480));
    assertThat(d.postings()).filteredOn(p -> p.type() == PostingType.EARN)
        .as("the operator's own flights: no partner funds them")
        .allMatch(p -> p.funder().isEmpty());
    assertThat(d.member().tierId()).contains(UnitedMileagePlus.MEMBER);
  }

  @Test
  void eachPartnerEarnsAtItsOwnRateAndFundsTheMilesItIssues() {
    Decision hotel = decide(maya(), stay("h-1", at(3, 9), 2, "150.00", false));
    assertThat(hotel.member().available(MILES)).as("3 per $1 on $300").isEqualTo(900);
    assertThat(earned(hotel)).containsExactly(new Tuple2("miles:hotel-miles", 900));
    assertThat(hotel.postings()).filteredOn(p -> p.type() == PostingType.EARN)
        .extracting(p -> p.funder().orElseThrow(), Posting::amount)
        .containsExactly(tuple(HOTEL, 900L));
    assertThat(hotel.member().available(PQP)).as("partners earn no PQP").isZero();

    Decision car = decide(maya(), rental("c-2", at(3, 18), 1, "90.00", false));
    assertThat(car.member().available(MILES)).as("2 per $1 on $90").isEqualTo(180);
    assertThat(car.postings()).filteredOn(p -> p.type() == PostingType.EARN)
        .extracting(p -> p.funder().orElseThrow(), Posting::amount)
        .containsExactly(tuple(CAR_RENTAL, 180L));

    Decision groceries = decide(maya(), everyday("e-0", at(3, 15), "410.00", false));
    assertThat(groceries.member().available(MILES))
        .as("everyday spending earns only on the card").isZero();
  }

  @Test
  void theExplorerCardEarnsTwoMilesPerDollarOnFlightsAndHotelsAndOneElsewhere() {
    Decision flight = decide(maya(), flight("f-2", at(3, 5), "620.00", true));
    assertThat(earned(flight)).containsExactly(new Tuple2("miles:flight-miles", 3_100),
        new Tuple2("pqp:flight-pqp", 620), new Tuple2("miles:explorer-card", 620),
        new Tuple2("miles:explorer-card-travel", 620));
    assertThat(flight.member().available(MILES)).as("5 + 2 per $1").isEqualTo(4_340);
    assertThat(flight.member().available(PQP)).as("the card earns no PQP").isEqualTo(620);

    Decision hotel = decide(maya(), stay("h-2", at(3, 12), 1, "200.00", true));
    assertThat(hotel.member().available(MILES)).as("3 + 2 per $1").isEqualTo(1_000);

    Decision car = decide(maya(), rental("c-1", at(3, 10), 3, "50.00", true));
    assertThat(car.member().available(MILES)).as("2 + 1 per $1").isEqualTo(450);

    Decision groceries = decide(maya(), everyday("e-1", at(3, 15), "410.00", true));
    assertThat(groceries.member().available(MILES)).as("1 per $1").isEqualTo(410);
    assertThat(groceries.postings()).filteredOn(p -> p.type() == PostingType.EARN)
        .extracting(p -> p.funder().orElseThrow(), Posting::amount)
        .containsExactly(tuple(CARD_ISSUER, 410L));
  }

  /** Each mile a decision earned: its rule, who funds it ("operator" for none) and how many. */
  private static List<Tuple> funding(Decision d) {
    return d.postings().stream()
        .filter(p -> p.type() == PostingType.EARN && p.unit().equals(MILES))
        .map(p -> tuple(p.rule().orElseThrow().value(),
            p.funder().map(PartnerId::value).orElse("operator"), p.amount()))
        .toList();
  }

  @Test
  void theCardsMilesAreFundedByItsIssuerWhoeverSoldThePurchase() {
    // Both card rules are fundedBy the card issuer: on a partner's purchase the partner funds
    // only its own rate's miles, and on the operator's fare the operator only the flight's.
    Decision hotel = decide(maya(), stay("h-2", at(3, 12), 1, "200.00", true));
    assertThat(funding(hotel)).containsExactly(
        tuple("hotel-miles", "hotel", 600L),
        tuple("explorer-card", "card-issuer", 200L),
        tuple("explorer-card-travel", "card-issuer", 200L));

    Decision car = decide(maya(), rental("c-1", at(3, 10), 3, "50.00", true));
    assertThat(funding(car)).containsExactly(
        tuple("car-rental-miles", "car-rental", 300L),
        tuple("explorer-card", "card-issuer", 150L));

    Decision flight = decide(maya(), flight("f-2", at(3, 5), "620.00", true));
    assertThat(funding(flight)).containsExactly(
        tuple("flight-miles", "operator", 3_100L),
        tuple("explorer-card", "card-issuer", 620L),
        tuple("explorer-card-travel", "card-issuer", 620L));
  }

  @Test
  void premierTiersArePqpInTheCalendarYearWithTheirOwnFlightEarnRates() {
    TierLadder ladder = UnitedMileagePlus.program().tiers().orElseThrow();
    assertThat(ladder.metric()).isEqualTo(TierMetric.STATUS_POINTS);
    assertThat(ladder.statusUnit()).contains(PQP);
    assertThat(ladder.window()).isEqualTo(QualificationWindow.calendarYear());
    assertThat(ladder.tiers()).extracting(t -> t.id().value(), t -> t.threshold().longValueExact())
        .containsExactly(tuple("member", 0L), tuple("premier-silver", 6_000L),
            tuple("premier-gold", 12_000L), tuple("premier-platinum", 18_000L),
            tuple("premier-1k", 28_000L));
    assertThat(ladder.tiers()).extracting(Tier::earnMultiplier)
        .as("premier earn is per tier on flights only, not a multiplier on partners' miles")
        .allSatisfy(f -> assertThat(f).isEqualByComparingTo(BigDecimal.ONE));

    long[][] tiers = {{6_000, 7}, {12_000, 8}, {18_000, 9}, {28_000, 11}};
    TierId[] ids = {UnitedMileagePlus.PREMIER_SILVER, UnitedMileagePlus.PREMIER_GOLD,
        UnitedMileagePlus.PREMIER_PLATINUM, UnitedMileagePlus.PREMIER_1K};
    for (int i = 0; i < tiers.length; i++) {
      long pqp = tiers[i][0];
      Decision below = decide(maya(), flight("q-1", at(3, 2), (pqp - 1) + ".00", false));
      assertThat(below.member().tierId()).as("%s PQP", pqp - 1).isNotEqualTo(Optional.of(ids[i]));
      Decision reached = decide(below.member(), flight("q-2", at(3, 3), "1.00", false));
      assertThat(reached.member().tierId()).as("%s PQP", pqp).contains(ids[i]);
      assertThat(reached.effects(Effect.TierChanged.class)).extracting(Effect.TierChanged::to)
          .containsExactly(ids[i]);

      Decision next = decide(reached.member(), flight("q-3", at(3, 4), "100.00", false));
      assertThat(next.member().available(MILES) - reached.member().available(MILES))
          .as("%s: %s miles per $1 on flights", ids[i], tiers[i][1])
          .isEqualTo(100 * tiers[i][1]);
      Decision hotel = decide(reached.member(), stay("q-4", at(3, 4), 1, "100.00", false));
      assertThat(hotel.member().available(MILES) - reached.member().available(MILES))
          .as("%s: partner hotels still earn 3 per $1", ids[i]).isEqualTo(300);
    }
  }

  @Test
  void premiersAreAnnouncedTheirPerksWithEveryPurchase() {
    Member silver = decide(maya(), flight("q-1", at(3, 2), "6000.00", false)).member();
    assertThat(silver.tierId()).contains(UnitedMileagePlus.PREMIER_SILVER);

    Decision flight = decide(silver, flight("f-4", at(3, 25), "300.00", false));
    assertThat(flight.effects(Effect.PerkGranted.class)).extracting(Effect.PerkGranted::perk)
        .containsExactlyInAnyOrder(UnitedMileagePlus.COMPLIMENTARY_UPGRADES,
            UnitedMileagePlus.FREE_CHECKED_BAG, UnitedMileagePlus.PRIORITY_BOARDING);

    Decision member = decide(maya(), flight("f-1", at(3, 2), "480.00", false));
    assertThat(member.effects(Effect.PerkGranted.class)).as("Member has no perks").isEmpty();

    assertThat(UnitedMileagePlus.program().tiers().orElseThrow().tier(
        UnitedMileagePlus.PREMIER_1K).orElseThrow().perks())
        .containsExactlyInAnyOrder(UnitedMileagePlus.COMPLIMENTARY_UPGRADES,
            UnitedMileagePlus.FREE_CHECKED_BAG, UnitedMileagePlus.PRIORITY_BOARDING,
            UnitedMileagePlus.STAR_ALLIANCE_GOLD);
  }

  /** The scenario's March: flights, stays, rentals and groceries; two partner awards. */
  private static Member march(List<Posting> postings) {
    return run(maya(), postings,
        flight("f-1", at(3, 2), "480.00", false),
        flight("f-2", at(3, 5), "620.00", true),
        stay("h-1", at(3, 9), 2, "150.00", false),
        rental("c-1", at(3, 10), 3, "50.00", true),
        stay("h-2", at(3, 12), 1, "200.00", true),
        everyday("e-1", at(3, 15), "410.00", true),
        rental("c-2", at(3, 18), 1, "90.00", false),
        flight("f-3", at(3, 20), "5200.00", true),
        redeem("r-1", at(3, 22), UnitedMileagePlus.HOTEL_NIGHT, 1),
        flight("f-4", at(3, 25), "300.00", false),
        stay("h-3", at(3, 27), 1, "250.00", true),
        redeem("r-2", at(3, 28), UnitedMileagePlus.CAR_RENTAL_DAY, 2));
  }

  @Test
  void aHotelNightPaidMostlyWithFlightMilesIsHonouredByTheHotel() {
    List<Posting> postings = new ArrayList<>();
    Member maya = march(postings);

    assertThat(maya.available(MILES)).isEqualTo(2_400 + 4_340 + 900 + 450 + 1_000 + 410 + 180
        + 36_400 - 10_000 + 2_100 + 1_250 - 5_000).isEqualTo(34_430);
    assertThat(maya.available(PQP)).isEqualTo(480 + 620 + 5_200 + 300);
    assertThat(maya.tierId()).contains(UnitedMileagePlus.PREMIER_SILVER);

    // The night's 10,000 miles, oldest lot first (each rule's miles are a lot of their own):
    // 7,060 earned on flights, 5,820 of them funded by the operator and the card's 1,240 by its
    // issuer; the rest the partners' and the card issuer's.
    List<Posting> night = postings.stream().filter(p -> p.type() == PostingType.REDEEM
        && p.activity().equals(Optional.of(ActivityId.of("r-1")))).toList();
    assertThat(night).allMatch(p -> p.honouredBy().equals(Optional.of(HOTEL)));
    assertThat(night).extracting(p -> p.funder().map(PartnerId::value).orElse("operator"),
        Posting::amount).containsExactly(
            tuple("operator", 2_400L),                                        // f-1
            tuple("operator", 3_100L), tuple("card-issuer", 620L),
            tuple("card-issuer", 620L),                                       // f-2
            tuple("hotel", 900L),                                             // h-1
            tuple("car-rental", 300L), tuple("card-issuer", 150L),            // c-1
            tuple("hotel", 600L), tuple("card-issuer", 200L),
            tuple("card-issuer", 200L),                                       // h-2
            tuple("card-issuer", 410L),                                       // e-1
            tuple("car-rental", 180L),                                        // c-2
            tuple("operator", 320L));                                         // f-3, in part
    assertThat(night.stream().filter(p -> p.funder().isEmpty()).mapToLong(Posting::amount).sum())
        .as("the operator's flight miles: 2,400 + 3,100 + 320").isEqualTo(5_820);
    assertThat(night.stream().filter(p -> p.funder().equals(Optional.of(CARD_ISSUER)))
        .mapToLong(Posting::amount).sum()).as("the card's: 620 + 620 + 150 + 200 + 200 + 410")
        .isEqualTo(2_200);
  }

  @Test
  void theMonthsSettlementNetsEachPartnerAndTheOperatorToTheCent() {
    List<Posting> postings = new ArrayList<>();
    march(postings);
    SettlementStatement statement = SettlementStatement.forMonth(UnitedMileagePlus.program(),
        MILES, MARCH, postings);

    assertThat(statement.rounding()).isEqualTo(RoundingMode.HALF_EVEN);
    assertThat(statement.partners()).extracting(PartnerSettlement::partner)
        .containsExactly(HOTEL, CAR_RENTAL, CARD_ISSUER);

    // Hotel: honoured the 10,000-mile night at $0.0085; funded its own 900 + 600 + 750 at
    // $0.011 (the card's miles on h-2 and h-3 are the issuer's).
    PartnerSettlement hotel = statement.partner(HOTEL).orElseThrow();
    assertThat(hotel.honoured()).isEqualTo(10_000);
    assertThat(hotel.reimbursementDue()).isEqualTo(usd("85.00"));
    assertThat(hotel.fundedPoints()).isEqualTo(2_250);
    assertThat(hotel.fundingOwed()).isEqualTo(usd("24.75"));
    assertThat(hotel.net()).as("85.00 - 24.75").isEqualTo(usd("60.25"));
    assertThat(hotel.funded()).as("issued 2,250; 900 + 600 went on the night; 750 left")
        .isEqualTo(new PointFlows(0, 2_250, 1_500, 0, 0, 0, 0, 0, 0, 750));

    // Car rental: honoured two days, 5,000 miles at $0.008; funded its own 300 + 180 at
    // $0.0105 (the card's 150 on c-1 are the issuer's).
    PartnerSettlement car = statement.partner(CAR_RENTAL).orElseThrow();
    assertThat(car.honoured()).isEqualTo(5_000);
    assertThat(car.reimbursementDue()).isEqualTo(usd("40.00"));
    assertThat(car.fundedPoints()).isEqualTo(480);
    assertThat(car.fundingOwed()).isEqualTo(usd("5.04"));
    assertThat(car.exactNet()).isEqualTo(usd("34.96"));
    assertThat(car.net()).as("40.00 - 5.04, no half cent to round").isEqualTo(usd("34.96"));
    assertThat(car.funded()).isEqualTo(new PointFlows(0, 480, 480, 0, 0, 0, 0, 0, 0, 0));

    // Card issuer: honours nothing; funded every card mile at $0.0125: 1,240 on f-2, 150 on
    // c-1, 400 on h-2, 410 on e-1, 10,400 on f-3 and 500 on h-3.
    PartnerSettlement issuer = statement.partner(CARD_ISSUER).orElseThrow();
    assertThat(issuer.honoured()).isZero();
    assertThat(issuer.fundedPoints()).isEqualTo(13_100);
    assertThat(issuer.fundingOwed()).isEqualTo(usd("163.75"));
    assertThat(issuer.net()).isEqualTo(usd("-163.75"));
    assertThat(issuer.operatorPays()).isFalse();
    assertThat(issuer.funded()).as("2,200 went on the night; f-3's 10,400 and h-3's 500 left")
        .isEqualTo(new PointFlows(0, 13_100, 2_200, 0, 0, 0, 0, 0, 0, 10_900));

    // The operator pays 60.25 + 34.96 and receives 163.75.
    assertThat(statement.operatorNet()).isEqualTo(usd("68.54"));
    assertThat(statement.operatorFunded()).as("flights: 2,400 + 3,100 + 26,000 + 1,500 + 600")
        .isEqualTo(new PointFlows(0, 33_600, 10_820, 0, 0, 0, 0, 0, 0, 22_780));
    Money sum = statement.operatorNet();
    for (PartnerSettlement p : statement.partners()) {
      sum = sum.plus(p.net());
    }
    assertThat(sum.isZero()).as("every party's position sums to zero: %s", sum).isTrue();

    // The next month opens with what March left outstanding and settles nothing.
    SettlementStatement april = SettlementStatement.forMonth(UnitedMileagePlus.program(), MILES,
        MARCH.plusMonths(1), postings);
    assertThat(april.partner(HOTEL).orElseThrow().funded())
        .isEqualTo(new PointFlows(750, 0, 0, 0, 0, 0, 0, 0, 0, 750));
    assertThat(april.partner(CARD_ISSUER).orElseThrow().funded())
        .isEqualTo(new PointFlows(10_900, 0, 0, 0, 0, 0, 0, 0, 0, 10_900));
    assertThat(april.operatorNet()).isEqualTo(usd("0.00"));
  }

  @Test
  void underHalfUpTheHalfCentsRoundTheOtherWay() {
    // March has no half cent now the issuer funds every card mile; $410 of groceries alone does:
    // the issuer owes 410 x $0.0125 = 5.125.
    List<Posting> postings = new ArrayList<>();
    run(maya(), postings, everyday("e-1", at(3, 15), "410.00", true));
    SettlementStatement halfEven = SettlementStatement.forMonth(UnitedMileagePlus.program(),
        MILES, MARCH, postings);
    assertThat(halfEven.partner(CARD_ISSUER).orElseThrow().exactNet()).isEqualTo(usd("-5.125"));
    assertThat(halfEven.partner(CARD_ISSUER).orElseThrow().net()).isEqualTo(usd("-5.12"));
    assertThat(halfEven.operatorNet()).isEqualTo(usd("5.12"));

    Program halfUp = Program.builder(UnitedMileagePlus.ID, Money.currency("USD"),
        UnitedMileagePlus.ZONE).settlementRounding(RoundingMode.HALF_UP)
        .unit(UnitedMileagePlus.program().units().get(MILES))
        .partner(UnitedMileagePlus.program().partners().get(HOTEL))
        .partner(UnitedMileagePlus.program().partners().get(CAR_RENTAL))
        .partner(UnitedMileagePlus.program().partners().get(CARD_ISSUER)).build();
    SettlementStatement statement = SettlementStatement.forMonth(halfUp, MILES, MARCH, postings);

    assertThat(statement.partner(CARD_ISSUER).orElseThrow().net()).isEqualTo(usd("-5.13"));
    assertThat(statement.operatorNet()).isEqualTo(usd("5.13"));
  }

  @Test
  void milesSpentOnTheOperatorsOwnAwardMoveNoMoneyButThePartnerStillPaysForWhatItIssued() {
    List<Posting> postings = new ArrayList<>();
    Member maya = run(maya(), postings,
        flight("f-1", at(3, 2), "2400.00", false),
        stay("h-1", at(3, 9), 2, "150.00", false),
        redeem("a-1", at(3, 10), UnitedMileagePlus.SAVER_AWARD, 1));

    assertThat(maya.available(MILES)).isEqualTo(12_000 + 900 - 12_500);
    assertThat(postings).filteredOn(p -> p.type() == PostingType.REDEEM)
        .allMatch(p -> p.honouredBy().isEmpty());
    SettlementStatement statement = SettlementStatement.forMonth(UnitedMileagePlus.program(),
        MILES, MARCH, postings);
    PartnerSettlement hotel = statement.partner(HOTEL).orElseThrow();
    assertThat(hotel.funded()).as("500 of its 900 went on the operator's award")
        .isEqualTo(new PointFlows(0, 900, 500, 0, 0, 0, 0, 0, 0, 400));
    assertThat(hotel.net()).as("900 x $0.011").isEqualTo(usd("-9.90"));
    assertThat(statement.operatorNet()).isEqualTo(usd("9.90"));
  }

  @Test
  void aCancelledRentalTakesItsMilesBackAndCreditsBothFunders() {
    List<Posting> postings = new ArrayList<>();
    Purchase rental = rental("c-1", at(3, 10), 3, "50.00", true);
    Member maya = run(maya(), postings, rental,
        Return.ofWholeLines(ActivityId.of("c-1-back"), at(3, 11), rental,
            List.of(org.loyaltyrules.core.LineId.of("l1"))));

    assertThat(maya.available(MILES)).isZero();
    SettlementStatement statement = SettlementStatement.forMonth(UnitedMileagePlus.program(),
        MILES, MARCH, postings);
    PartnerSettlement car = statement.partner(CAR_RENTAL).orElseThrow();
    assertThat(car.funded()).isEqualTo(new PointFlows(0, 300, 0, 0, 0, 300, 0, 0, 0, 0));
    assertThat(car.fundedPoints()).isZero();
    assertThat(car.net()).isEqualTo(usd("0.00"));
    PartnerSettlement issuer = statement.partner(CARD_ISSUER).orElseThrow();
    assertThat(issuer.funded()).as("the card's 150, credited back to its issuer")
        .isEqualTo(new PointFlows(0, 150, 0, 0, 0, 150, 0, 0, 0, 0));
    assertThat(issuer.fundedPoints()).isZero();
    assertThat(issuer.net()).isEqualTo(usd("0.00"));
  }

  @Test
  void partnersRewardsAndRulesAreAsDocumented() {
    Program program = UnitedMileagePlus.program();
    assertThat(program.id().value()).isEqualTo("united-mileageplus");
    assertThat(program.zone()).isEqualTo(UnitedMileagePlus.ZONE);
    assertThat(program.units().get(MILES).isRedeemable()).isTrue();
    assertThat(program.units().get(PQP).isRedeemable()).isFalse();
    assertThat(program.partners().values()).extracting(Partner::id, Partner::fundingCost,
        Partner::reimbursement).containsExactly(
            tuple(HOTEL, usd("0.011"), usd("0.0085")),
            tuple(CAR_RENTAL, usd("0.0105"), usd("0.008")),
            tuple(CARD_ISSUER, usd("0.0125"), usd("0.0125")));
    assertThat(program.rewards().values()).extracting(r -> r.id().value(), Reward::cost,
        Reward::partner).containsExactly(
            tuple("saver-award", 12_500L, Optional.empty()),
            tuple("hotel-night", 10_000L, Optional.of(HOTEL)),
            tuple("car-rental-day", 2_500L, Optional.of(CAR_RENTAL)));
    assertThat(program.earnRules()).extracting(r -> r.id().value()).containsExactly(
        "flight-miles", "premier-silver-flight", "premier-gold-flight",
        "premier-platinum-flight", "premier-1k-flight", "flight-pqp", "hotel-miles",
        "car-rental-miles", "explorer-card", "explorer-card-travel");
  }
}
