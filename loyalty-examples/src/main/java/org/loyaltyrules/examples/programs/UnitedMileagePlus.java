package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.program.RewardKind;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.rule.Audience;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * United MileagePlus, an airline program that is tiered, a coalition and tied to a co-branded
 * card (DOMAIN.md §3 and §6). United is the operator: it funds the miles its own flights earn,
 * the card's aside. Partner hotels and a partner car rental company each fund the miles their own
 * rates issue, the card issuer funds every mile the card earns, each is reimbursed for the miles
 * it honours, and a monthly settlement nets the two. Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>Miles</b> to spend (seed: spend on flights, hotels and car rental), which do not
 *       expire (public; the library's default), and <b>premier qualifying points</b> (PQP), a
 *       status-only unit (public) that decides the premier tier and cannot be spent.
 *   <li><b>Flights</b>, sold by the operator itself (a purchase naming no partner, lines of
 *       category {@value #FLIGHT}): <b>5 miles per $1</b> (public, a general member's rate):
 *       rule {@value #FLIGHT_MILES_ID}; and <b>1 PQP per $1</b> (public): rule
 *       {@value #FLIGHT_PQP_ID}. The operator funds them.
 *   <li><b>Premier earning on flights</b> (public): 7, 8, 9 and 11 miles per $1 for Premier
 *       Silver, Gold, Platinum and 1K, written as extra rates of 2, 3, 4 and 6 per $1 on flight
 *       lines for members holding the tier (rules {@value #PREMIER_SILVER_FLIGHT_ID} and the
 *       three after it), not as tier multipliers, which would also multiply partners' miles.
 *   <li><b>Partner hotels</b>: <b>3 miles per $1</b> (choice) on lines bought from partner
 *       {@value #HOTEL_ID}: rule {@value #HOTEL_MILES_ID}. The hotels pay the operator
 *       <b>$0.011</b> per mile they issue and are paid <b>$0.0085</b> per mile they honour
 *       (choice).
 *   <li><b>Partner car rental</b>: <b>2 miles per $1</b> (choice) on lines bought from partner
 *       {@value #CAR_RENTAL_ID}: rule {@value #CAR_RENTAL_MILES_ID}; it pays <b>$0.0105</b> per
 *       mile it issues and is paid <b>$0.008</b> per mile it honours (choice).
 *   <li><b>The co-branded Explorer Card</b> earns more (seed): <b>1 mile per $1</b> on every
 *       line paid with payment instrument {@value #EXPLORER_CARD} (rule
 *       {@value #EXPLORER_CARD_ID}) and <b>1 more</b> on flight and hotel-stay lines (rule
 *       {@value #EXPLORER_CARD_TRAVEL_ID}): 2 per $1 on flights and hotels, 1 elsewhere (choice,
 *       after the card's published 2 miles per $1 on United purchases and hotel stays and 1 per
 *       $1 elsewhere). On top of the flight or partner rate; the card earns no PQP. Both rules
 *       are funded by partner {@value #CARD_ISSUER_ID} (the rules' {@code fundedBy}), whoever
 *       sold what the card paid for: on a fare the operator funds the flight's 5 miles per $1 and
 *       the issuer the card's 2; at the hotels, the hotels fund 3 and the issuer 2.
 *   <li><b>Everyday purchases</b> (seed: earn on everyday purchases) earn only on the card: the
 *       card issuer reports them as purchases with partner {@value #CARD_ISSUER_ID} (lines of
 *       category {@value #EVERYDAY}). The issuer buys every mile the card earns, there and
 *       elsewhere, at <b>$0.0125</b> each (choice; it honours none, and is reimbursed at the same
 *       value if it ever did).
 *   <li><b>Awards</b> (seed: spend on flights, hotels, car rental): an economy saver award for
 *       <b>12,500 miles</b> from the operator (choice), reward {@value #SAVER_AWARD_ID}; a
 *       partner hotel night for <b>10,000 miles</b> (choice), reward {@value #HOTEL_NIGHT_ID},
 *       honoured by the hotels; a car rental day for <b>2,500 miles</b> (choice), reward
 *       {@value #CAR_RENTAL_DAY_ID}, honoured by the car rental company.
 *   <li><b>Premier tiers</b> (seed; DOMAIN.md §6 gives no thresholds) on PQP earned in the
 *       <b>calendar year</b>: Member from 0, Premier Silver from <b>6,000</b>, Premier Gold
 *       from <b>12,000</b>, Premier Platinum from <b>18,000</b>, Premier 1K from <b>28,000</b>
 *       PQP (choice, after United's PQP-only qualification path; the path that also counts
 *       flight segments is not modelled). Up as soon as reached; reviewed each January 1 and
 *       lowered to the tier earned (the library's defaults).
 *   <li><b>Perks</b> (seed: free checked bag, upgrades, priority boarding), announced with every
 *       purchase while a premier tier is held: every premier tier has
 *       {@value #FREE_CHECKED_BAG}, {@value #PRIORITY_BOARDING} and
 *       {@value #COMPLIMENTARY_UPGRADES}; Gold and above add {@value #STAR_ALLIANCE_GOLD}
 *       (public).
 *   <li>Settlement net positions are rounded once, <b>half-even</b> (the library's default, a
 *       choice here): the card issuer's -$5.125 for the 410 miles of $410 of card spending
 *       alone settles at -$5.12.
 *   <li>Prices in USD; dates in {@code America/Chicago}, United's home (choice).
 * </ul>
 *
 * <p>Noted, not configured: the card's own perks (a free first checked bag and priority
 * boarding for its holders; a perk here belongs to a tier or a paid plan, not a payment
 * instrument), the card's annual fee, PQP earned on card spend, flight-segment (PQF)
 * qualification, upgrades by seat availability, and award prices that vary by date.
 */
public final class UnitedMileagePlus {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("united-mileageplus");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");
  /** The id of the redeemable unit. */
  public static final String MILES_ID = "miles";
  /** Miles: redeemable, spent on awards (seed). */
  public static final UnitId MILES = UnitId.of(MILES_ID);
  /** The id of the status-only unit. */
  public static final String PQP_ID = "pqp";
  /** Premier qualifying points: status-only, they decide the tier (public). */
  public static final UnitId PQP = UnitId.of(PQP_ID);

  /** The category of flight fares, sold by the operator. */
  public static final String FLIGHT = "flight";
  /** The category of hotel stays. */
  public static final String HOTEL_STAY = "hotel";
  /** The category of car rental days. */
  public static final String CAR = "car-rental";
  /** The category of everyday card spending. */
  public static final String EVERYDAY = "everyday";
  /** The payment instrument the host names for the co-branded card. */
  public static final String EXPLORER_CARD = "explorer-card";

  /** The id of the partner hotels. */
  public static final String HOTEL_ID = "hotel";
  /** The partner hotels. */
  public static final PartnerId HOTEL = PartnerId.of(HOTEL_ID);
  /** The id of the partner car rental company. */
  public static final String CAR_RENTAL_ID = "car-rental";
  /** The partner car rental company. */
  public static final PartnerId CAR_RENTAL = PartnerId.of(CAR_RENTAL_ID);
  /** The id of the card issuer. */
  public static final String CARD_ISSUER_ID = "card-issuer";
  /** The Explorer Card's issuer, which buys every mile the card earns. */
  public static final PartnerId CARD_ISSUER = PartnerId.of(CARD_ISSUER_ID);

  /** The id of the flight miles rule. */
  public static final String FLIGHT_MILES_ID = "flight-miles";
  /** 5 miles per $1 on flights (public). */
  public static final RuleId FLIGHT_MILES = RuleId.of(FLIGHT_MILES_ID);
  /** Miles per $1 on flights for a Member (public). */
  public static final long FLIGHT_MILES_PER_DOLLAR = 5;
  /** The id of Premier Silver's extra flight miles. */
  public static final String PREMIER_SILVER_FLIGHT_ID = "premier-silver-flight";
  /** The id of Premier Gold's extra flight miles. */
  public static final String PREMIER_GOLD_FLIGHT_ID = "premier-gold-flight";
  /** The id of Premier Platinum's extra flight miles. */
  public static final String PREMIER_PLATINUM_FLIGHT_ID = "premier-platinum-flight";
  /** The id of Premier 1K's extra flight miles. */
  public static final String PREMIER_1K_FLIGHT_ID = "premier-1k-flight";
  /** The id of the flight PQP rule. */
  public static final String FLIGHT_PQP_ID = "flight-pqp";
  /** 1 PQP per $1 on flights (public). */
  public static final RuleId FLIGHT_PQP = RuleId.of(FLIGHT_PQP_ID);
  /** The id of the hotel miles rule. */
  public static final String HOTEL_MILES_ID = "hotel-miles";
  /** 3 miles per $1 at the partner hotels (choice). */
  public static final RuleId HOTEL_MILES = RuleId.of(HOTEL_MILES_ID);
  /** Miles per $1 at the partner hotels (choice). */
  public static final long HOTEL_MILES_PER_DOLLAR = 3;
  /** The id of the car rental miles rule. */
  public static final String CAR_RENTAL_MILES_ID = "car-rental-miles";
  /** 2 miles per $1 at the partner car rental company (choice). */
  public static final RuleId CAR_RENTAL_MILES = RuleId.of(CAR_RENTAL_MILES_ID);
  /** Miles per $1 at the partner car rental company (choice). */
  public static final long CAR_RENTAL_MILES_PER_DOLLAR = 2;
  /** The id of the card's base rule. */
  public static final String EXPLORER_CARD_ID = "explorer-card";
  /** 1 mile per $1 on everything paid with the card (choice), funded by its issuer. */
  public static final RuleId EXPLORER_CARD_BASE = RuleId.of(EXPLORER_CARD_ID);
  /** The id of the card's travel rule. */
  public static final String EXPLORER_CARD_TRAVEL_ID = "explorer-card-travel";
  /**
   * 1 more mile per $1 on flights and hotel stays paid with the card (choice), funded by its
   * issuer.
   */
  public static final RuleId EXPLORER_CARD_TRAVEL = RuleId.of(EXPLORER_CARD_TRAVEL_ID);

  /** The id of the operator's saver award. */
  public static final String SAVER_AWARD_ID = "saver-award";
  /** An economy saver award, 12,500 miles, from the operator (choice). */
  public static final RewardId SAVER_AWARD = RewardId.of(SAVER_AWARD_ID);
  /** The id of the hotel night. */
  public static final String HOTEL_NIGHT_ID = "hotel-night";
  /** A partner hotel night, 10,000 miles, honoured by the hotels (choice). */
  public static final RewardId HOTEL_NIGHT = RewardId.of(HOTEL_NIGHT_ID);
  /** The id of the car rental day. */
  public static final String CAR_RENTAL_DAY_ID = "car-rental-day";
  /** A car rental day, 2,500 miles, honoured by the car rental company (choice). */
  public static final RewardId CAR_RENTAL_DAY = RewardId.of(CAR_RENTAL_DAY_ID);

  /** The base tier, from 0 PQP. */
  public static final TierId MEMBER = TierId.of("member");
  /** From 6,000 PQP in the calendar year (choice). */
  public static final TierId PREMIER_SILVER = TierId.of("premier-silver");
  /** From 12,000 PQP in the calendar year (choice). */
  public static final TierId PREMIER_GOLD = TierId.of("premier-gold");
  /** From 18,000 PQP in the calendar year (choice). */
  public static final TierId PREMIER_PLATINUM = TierId.of("premier-platinum");
  /** From 28,000 PQP in the calendar year (choice). */
  public static final TierId PREMIER_1K = TierId.of("premier-1k");

  /** Perk: a free checked bag (seed). */
  public static final String FREE_CHECKED_BAG = "free-checked-bag";
  /** Perk: priority boarding (seed). */
  public static final String PRIORITY_BOARDING = "priority-boarding";
  /** Perk: complimentary upgrades (seed: upgrades). */
  public static final String COMPLIMENTARY_UPGRADES = "complimentary-upgrades";
  /** Perk: Star Alliance Gold status, Premier Gold and above (public). */
  public static final String STAR_ALLIANCE_GOLD = "star-alliance-gold";

  private static final Set<String> PREMIER_PERKS =
      Set.of(FREE_CHECKED_BAG, PRIORITY_BOARDING, COMPLIMENTARY_UPGRADES);
  private static final Set<String> GOLD_PERKS =
      Set.of(FREE_CHECKED_BAG, PRIORITY_BOARDING, COMPLIMENTARY_UPGRADES, STAR_ALLIANCE_GOLD);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("United MileagePlus")
      .unit(PointUnit.redeemable(MILES_ID, "Miles"))
      .unit(PointUnit.statusOnly(PQP_ID, "Premier qualifying points"))
      .earnRule(rate(FLIGHT_MILES_ID, MILES, FLIGHT_MILES_PER_DOLLAR,
          LineFilter.categories(FLIGHT), Audience.everyone()))
      .earnRule(premierFlight(PREMIER_SILVER_FLIGHT_ID, PREMIER_SILVER, 2))
      .earnRule(premierFlight(PREMIER_GOLD_FLIGHT_ID, PREMIER_GOLD, 3))
      .earnRule(premierFlight(PREMIER_PLATINUM_FLIGHT_ID, PREMIER_PLATINUM, 4))
      .earnRule(premierFlight(PREMIER_1K_FLIGHT_ID, PREMIER_1K, 6))
      .earnRule(rate(FLIGHT_PQP_ID, PQP, 1, LineFilter.categories(FLIGHT), Audience.everyone()))
      .earnRule(rate(HOTEL_MILES_ID, MILES, HOTEL_MILES_PER_DOLLAR, LineFilter.partners(HOTEL),
          Audience.everyone()))
      .earnRule(rate(CAR_RENTAL_MILES_ID, MILES, CAR_RENTAL_MILES_PER_DOLLAR,
          LineFilter.partners(CAR_RENTAL), Audience.everyone()))
      .earnRule(cardRate(EXPLORER_CARD_ID, LineFilter.all()))
      .earnRule(cardRate(EXPLORER_CARD_TRAVEL_ID, LineFilter.categories(FLIGHT, HOTEL_STAY)))
      .reward(Reward.of(SAVER_AWARD_ID, "Economy saver award", MILES, 12_500,
          RewardKind.FREE_ITEM))
      .reward(Reward.of(HOTEL_NIGHT_ID, "Partner hotel night", MILES, 10_000,
          RewardKind.FREE_ITEM).offeredBy(HOTEL))
      .reward(Reward.of(CAR_RENTAL_DAY_ID, "Car rental day", MILES, 2_500,
          RewardKind.FREE_ITEM).offeredBy(CAR_RENTAL))
      .tiers(TierLadder.onStatusPoints(PQP, QualificationWindow.calendarYear(), List.of(
          Tier.of(MEMBER.value(), "Member", 0),
          Tier.of(PREMIER_SILVER.value(), "Premier Silver", 6_000).withPerks(PREMIER_PERKS),
          Tier.of(PREMIER_GOLD.value(), "Premier Gold", 12_000).withPerks(GOLD_PERKS),
          Tier.of(PREMIER_PLATINUM.value(), "Premier Platinum", 18_000).withPerks(GOLD_PERKS),
          Tier.of(PREMIER_1K.value(), "Premier 1K", 28_000).withPerks(GOLD_PERKS))))
      .partner(Partner.of(HOTEL_ID, "Partner hotels", Money.of("0.011", "USD"),
          Money.of("0.0085", "USD")))
      .partner(Partner.of(CAR_RENTAL_ID, "Partner car rental", Money.of("0.0105", "USD"),
          Money.of("0.008", "USD")))
      .partner(Partner.of(CARD_ISSUER_ID, "Explorer Card issuer", Money.of("0.0125", "USD")))
      .build();

  private UnitedMileagePlus() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }

  /** 1 mile per $1 on the lines paid with the card, funded by its issuer. */
  private static EarnRule cardRate(String id, LineFilter lines) {
    return rate(id, MILES, 1, lines, RuleSettings.defaults()
        .audience(Audience.everyone().withInstruments(Set.of(EXPLORER_CARD)))
        .fundedBy(CARD_ISSUER));
  }

  private static EarnRule premierFlight(String id, TierId tier, long extraPerDollar) {
    return rate(id, MILES, extraPerDollar, LineFilter.categories(FLIGHT),
        Audience.everyone().withTiers(Set.of(tier)));
  }

  private static EarnRule rate(String id, UnitId unit, long perDollar, LineFilter lines,
      Audience audience) {
    return rate(id, unit, perDollar, lines, RuleSettings.defaults().audience(audience));
  }

  private static EarnRule rate(String id, UnitId unit, long perDollar, LineFilter lines,
      RuleSettings settings) {
    return new EarnRule.Rate(RuleId.of(id), settings, unit, BigDecimal.valueOf(perDollar),
        Money.of("1", "USD"), lines);
  }
}
