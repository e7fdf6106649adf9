package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.DrawId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RewardId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.activity.EngagementType;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeLevel;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.ChallengeWindow;
import org.loyaltyrules.core.program.Draw;
import org.loyaltyrules.core.program.EntryTrigger;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Prize;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.Reward;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.Frequency;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * Swarm Perks, Foursquare Swarm's check-in perks: gamified and coalition at once (DOMAIN.md §3
 * and §6). Check-ins earn discounts by place and entries in a weekly sweepstakes. Its figures,
 * and where each comes from:
 *
 * <ul>
 *   <li><b>Check-ins earn discounts by place</b> (seed): two partner stores, a bookshop
 *       ({@value #CORNER_BOOKS_ID}) and a café ({@value #BLUE_DOOR_ID}), their names a choice.
 *       Every <b>5 check-ins</b> at a partner (choice; a challenge on
 *       {@link EngagementType#CHECK_IN} events with attribute {@value #PLACE} naming the
 *       partner, restarting like a stamp card) earn a <b>20 %-off coupon at that partner</b>
 *       (seed): a catalogue reward of kind percent-discount offered and honoured by the partner,
 *       granted free (challenges {@value #BOOKS_REGULAR_ID} and {@value #CAFE_REGULAR_ID},
 *       rewards {@value #BOOKS_COUPON_ID} and {@value #CAFE_COUPON_ID}).
 *   <li><b>A weekly sweepstakes</b> (seed), draw {@value #WEEKLY_ID}: a check-in at a
 *       participating place — the two partners and a spa, {@value #LAKESIDE_SPA_ID} (choice) —
 *       is <b>1 entry</b>, at most <b>once a day</b> (choice: the engine limits entries per
 *       member per calendar day, whatever the place). A purchase of at least <b>$25</b> earns the
 *       day's entry too (choice, as in the library's own Swarm test; a purchase trigger names no
 *       place, so the host reports only purchases at participating places); a return that
 *       leaves less than $25 withdraws it. Each week's draw gives
 *       away <b>1 trip, 2 spa days and 1 shopping spree</b> (seed: trips, spa and shopping;
 *       quantities a choice), all delivered by the host. The host runs it on Sunday night with a
 *       published seed ({@code CompiledProgram.runDraw}); it consumes every entry, so each week
 *       starts afresh. Its odds depend on how many enter, so the draw's result states the
 *       entrants and entries, from which the odds are published afterwards.
 *   <li><b>Coins for checking in</b> (choice; Swarm's own game currency): <b>5 coins</b> for the
 *       first check-in of a day, anywhere (rule {@value #CHECK_IN_COINS_ID}, once per day).
 *       Coins can also buy a partner's coupon: <b>200 coins</b> (choice; a catalogue reward
 *       needs a price).
 *   <li><b>A weekly streak</b> (choice), challenge {@value #WEEKLY_STREAK_ID}: <b>3 check-ins
 *       in a week</b>, Monday to Sunday, <b>2 weeks running</b> earn <b>25 coins</b>; every
 *       completed streak begins a new one.
 *   <li><b>A check-in badge</b> (choice), badge {@value #CHECK_INS_ID}, counting every check-in
 *       over the membership: <b>Explorer at 10, Trailblazer at 50, Legend at 100</b>.
 *   <li><b>Partners settle coins at $0.01 each</b> (choice), issued or honoured.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: a per-place limit of one entry a day (the engine limits a draw's
 * entries per member and period, not per place).
 */
public final class SwarmPerks {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("swarm-perks");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the one unit. */
  public static final String COINS_ID = "coins";
  /** Coins, Swarm's game currency (choice). */
  public static final UnitId COINS = UnitId.of(COINS_ID);
  /** The check-in attribute naming the place. */
  public static final String PLACE = "place";

  /** The id of the bookshop. */
  public static final String CORNER_BOOKS_ID = "corner-books";
  /** A partner bookshop (choice). */
  public static final PartnerId CORNER_BOOKS = PartnerId.of(CORNER_BOOKS_ID);
  /** The id of the café. */
  public static final String BLUE_DOOR_ID = "blue-door-cafe";
  /** A partner café (choice). */
  public static final PartnerId BLUE_DOOR = PartnerId.of(BLUE_DOOR_ID);
  /** The id of the spa, a participating place that offers no coupon (choice). */
  public static final String LAKESIDE_SPA_ID = "lakeside-spa";
  /** The places whose check-ins enter the weekly sweepstakes (choice). */
  public static final Set<String> PARTICIPATING = Set.of(CORNER_BOOKS_ID, BLUE_DOOR_ID,
      LAKESIDE_SPA_ID);
  /** What a partner pays per coin it issues, and is paid per coin it honours (choice). */
  public static final Money COIN_VALUE = Money.of("0.01", "USD");

  /** The id of the coins rule. */
  public static final String CHECK_IN_COINS_ID = "check-in-coins";
  /** 5 coins for the first check-in of a day (choice). */
  public static final RuleId CHECK_IN_COINS = RuleId.of(CHECK_IN_COINS_ID);
  /** Coins for the first check-in of a day (choice). */
  public static final long COINS_PER_CHECK_IN_DAY = 5;

  /** The coupons' percentage off (seed). */
  public static final BigDecimal COUPON_PERCENT = BigDecimal.valueOf(20);
  /** What a coupon costs in coins, for a member who buys one (choice). */
  public static final long COUPON_COINS = 200;
  /** The id of the bookshop's coupon. */
  public static final String BOOKS_COUPON_ID = "corner-books-20";
  /** 20 % off at the bookshop, offered and honoured by it (seed). */
  public static final RewardId BOOKS_COUPON = RewardId.of(BOOKS_COUPON_ID);
  /** The id of the café's coupon. */
  public static final String CAFE_COUPON_ID = "blue-door-cafe-20";
  /** 20 % off at the café, offered and honoured by it (seed). */
  public static final RewardId CAFE_COUPON = RewardId.of(CAFE_COUPON_ID);

  /** Check-ins at a partner that earn its coupon (choice). */
  public static final long CHECK_INS_PER_COUPON = 5;
  /** The id of the bookshop's check-in card. */
  public static final String BOOKS_REGULAR_ID = "corner-books-regular";
  /** Every 5 check-ins at the bookshop earn its coupon. */
  public static final ChallengeId BOOKS_REGULAR = ChallengeId.of(BOOKS_REGULAR_ID);
  /** The id of the café's check-in card. */
  public static final String CAFE_REGULAR_ID = "blue-door-cafe-regular";
  /** Every 5 check-ins at the café earn its coupon. */
  public static final ChallengeId CAFE_REGULAR = ChallengeId.of(CAFE_REGULAR_ID);

  /** The id of the weekly streak. */
  public static final String WEEKLY_STREAK_ID = "weekly-streak";
  /** 3 check-ins a week, 2 weeks running: 25 coins (choice). */
  public static final ChallengeId WEEKLY_STREAK = ChallengeId.of(WEEKLY_STREAK_ID);
  /** Check-ins a week that count toward the streak (choice). */
  public static final long STREAK_CHECK_INS_PER_WEEK = 3;
  /** Weeks running that complete the streak (choice). */
  public static final int STREAK_WEEKS = 2;
  /** Coins for a completed streak (choice). */
  public static final long STREAK_COINS = 25;

  /** The id of the check-in badge. */
  public static final String CHECK_INS_ID = "check-ins";
  /** The check-in badge: Explorer 10, Trailblazer 50, Legend 100 (choice). */
  public static final BadgeId CHECK_INS = BadgeId.of(CHECK_INS_ID);

  /** The id of the weekly sweepstakes. */
  public static final String WEEKLY_ID = "weekly";
  /** The weekly sweepstakes (seed). */
  public static final DrawId WEEKLY = DrawId.of(WEEKLY_ID);
  /** A purchase that earns the day's entry must reach this (choice). */
  public static final Money ENTRY_MINIMUM_SPEND = Money.of("25", "USD");
  /** The trip prize. */
  public static final String TRIP_ID = "trip";
  /** The spa day prize. */
  public static final String SPA_ID = "spa";
  /** The shopping spree prize. */
  public static final String SHOPPING_ID = "shopping";

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Swarm Perks")
      .unit(PointUnit.redeemable(COINS_ID, "Coins"))
      .earnRule(new EarnRule.EventBonus(CHECK_IN_COINS, RuleSettings.defaults(), COINS,
          COINS_PER_CHECK_IN_DAY, EngagementType.CHECK_IN, Map.of(), Frequency.ONCE_PER_DAY))
      .reward(Reward.percentOff(BOOKS_COUPON_ID, "20 % off at Corner Books", COINS, COUPON_COINS,
          COUPON_PERCENT).offeredBy(CORNER_BOOKS))
      .reward(Reward.percentOff(CAFE_COUPON_ID, "20 % off at Blue Door Café", COINS,
          COUPON_COINS, COUPON_PERCENT).offeredBy(BLUE_DOOR))
      .partner(new Partner(CORNER_BOOKS, "Corner Books", COIN_VALUE))
      .partner(new Partner(BLUE_DOOR, "Blue Door Café", COIN_VALUE))
      .challenge(regular(BOOKS_REGULAR_ID, "Corner Books regular", CORNER_BOOKS_ID,
          BOOKS_COUPON))
      .challenge(regular(CAFE_REGULAR_ID, "Blue Door Café regular", BLUE_DOOR_ID, CAFE_COUPON))
      .challenge(Challenge.events(WEEKLY_STREAK_ID, "Three check-ins a week, two weeks running",
              EngagementType.CHECK_IN, STREAK_CHECK_INS_PER_WEEK,
              Grant.points(COINS, STREAK_COINS))
          .inWindow(ChallengeWindow.WEEK).withStreak(STREAK_WEEKS).withRestarts(true))
      .badge(Badge.forEvents(CHECK_INS_ID, "Check-ins", EngagementType.CHECK_IN, List.of(
          BadgeLevel.of("Explorer", 10), BadgeLevel.of("Trailblazer", 50),
          BadgeLevel.of("Legend", 100))))
      .draw(new Draw(WEEKLY, "Weekly sweepstakes", List.of(
              new EntryTrigger.Event(EngagementType.CHECK_IN, Map.of(PLACE, PARTICIPATING)),
              EntryTrigger.purchase(ENTRY_MINIMUM_SPEND)),
          1, Frequency.ONCE_PER_DAY, Optional.empty(), List.of(
              Prize.of(TRIP_ID, "A weekend trip for two", 1),
              Prize.of(SPA_ID, "A spa day at Lakeside Spa", 2),
              Prize.of(SHOPPING_ID, "A $250 shopping spree", 1))))
      .build();

  private SwarmPerks() {}

  private static Challenge regular(String id, String name, String place, RewardId coupon) {
    return Challenge.events(id, name, EngagementType.CHECK_IN, CHECK_INS_PER_COUPON,
        Grant.reward(coupon)).withAttributes(Map.of(PLACE, place)).withRestarts(true);
  }

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
