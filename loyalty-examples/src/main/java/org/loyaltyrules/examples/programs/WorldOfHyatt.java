package org.loyaltyrules.examples.programs;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.PartnerId;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.RuleId;
import org.loyaltyrules.core.TierId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Partner;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;
import org.loyaltyrules.core.program.QualificationWindow;
import org.loyaltyrules.core.program.Tier;
import org.loyaltyrules.core.program.TierLadder;
import org.loyaltyrules.core.program.TierMetric;
import org.loyaltyrules.core.program.TransferTerms;
import org.loyaltyrules.core.rule.EarnRule;
import org.loyaltyrules.core.rule.LineFilter;
import org.loyaltyrules.core.rule.RuleSettings;

/**
 * World of Hyatt, a hotel program whose tiers are decided by nights, not money (DOMAIN.md §3 and
 * §6). Its figures, and where each comes from:
 *
 * <ul>
 *   <li><b>Free to join, no threshold</b> (seed): no membership plan; every member holds Member
 *       from the first decision.
 *   <li><b>5 base points per $1</b> (public) on <b>stays, dining and spa</b> (seed: earn on
 *       stays, dining, spa): rule {@value #BASE_RATE_ID}, a rate on lines of the categories
 *       {@value #STAYS}, {@value #DINING} and {@value #SPA} only; rounded down once per order
 *       (the library's default).
 *   <li><b>Qualifying nights</b> (seed: qualification by nights, not money): the quantity of
 *       purchase lines measured in {@value #NIGHT}, so a stay of 3 nights is a line of quantity 3
 *       with unit {@code night}; nights across stays add up; dining and spa earn points but no
 *       nights.
 *   <li><b>5 tiers</b> (seed): Member from 0, Discoverist from <b>10</b>, Explorist from
 *       <b>30</b>, Globalist from <b>60</b> qualifying nights in the <b>calendar year</b>
 *       (public); and the seed's fifth, <b>Lifetime Globalist</b>, on <b>1,000 lifetime
 *       nights</b> (stated choice), a tier with the lifetime window that no review takes away.
 *   <li>A tier earned in a year holds through the next; each January 1 a review lowers it to the
 *       tier earned (stated choice) if neither the year that closed nor the year beginning
 *       reaches it, with no grace period (stated choice).
 *   <li>Points transfer to an airline partner's miles at <b>5:2</b>, at least <b>5,000</b>
 *       points, in steps of <b>1,250</b> (public): partner {@value #AIRLINE_ID}; 6,000 points is
 *       refused naming 5,000 and 6,250. The partner settles points at $0.01 each (stated
 *       choice).
 *   <li>Prices in USD; dates in {@code America/Chicago} (stated choice).
 * </ul>
 *
 * <p>Noted, not configured: earning on fitness classes (the seed names them; DOMAIN.md §6 gives
 * the 5 points per $1 for stays, dining and spa only), free nights (no figure in DOMAIN.md §6),
 * and member discounts and offers.
 */
public final class WorldOfHyatt {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("world-of-hyatt");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Chicago");
  /** The id of the one unit. */
  public static final String POINTS_ID = "points";
  /** The one unit: points, redeemable. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The category of room nights. */
  public static final String STAYS = "stays";
  /** The category of dining at a hotel. */
  public static final String DINING = "dining";
  /** The category of spa treatments. */
  public static final String SPA = "spa";
  /** The unit of measure that makes a line count as nights. */
  public static final String NIGHT = "night";
  /** The id of the base rate rule. */
  public static final String BASE_RATE_ID = "base";
  /** 5 base points per $1 on stays, dining and spa (public). */
  public static final RuleId BASE_RATE = RuleId.of(BASE_RATE_ID);
  /** Base points per $1 (public). */
  public static final long POINTS_PER_DOLLAR = 5;
  /** The base tier, from 0 nights (public). */
  public static final TierId MEMBER = TierId.of("member");
  /** From 10 qualifying nights in the calendar year (public). */
  public static final TierId DISCOVERIST = TierId.of("discoverist");
  /** From 30 qualifying nights in the calendar year (public). */
  public static final TierId EXPLORIST = TierId.of("explorist");
  /** From 60 qualifying nights in the calendar year (public). */
  public static final TierId GLOBALIST = TierId.of("globalist");
  /** From 1,000 lifetime nights (stated choice), kept for life. */
  public static final TierId LIFETIME_GLOBALIST = TierId.of("lifetime-globalist");
  /** Nights in the calendar year for Discoverist (public). */
  public static final long DISCOVERIST_NIGHTS = 10;
  /** Nights in the calendar year for Explorist (public). */
  public static final long EXPLORIST_NIGHTS = 30;
  /** Nights in the calendar year for Globalist (public). */
  public static final long GLOBALIST_NIGHTS = 60;
  /** Lifetime nights for Lifetime Globalist (stated choice). */
  public static final long LIFETIME_GLOBALIST_NIGHTS = 1000;
  /** The id of the airline partner points transfer to. */
  public static final String AIRLINE_ID = "airline";
  /** The airline partner. */
  public static final PartnerId AIRLINE = PartnerId.of(AIRLINE_ID);
  /** Transfers to airline miles: 5 points for 2 miles, at least 5,000, steps of 1,250 (public). */
  public static final TransferTerms TO_MILES = new TransferTerms("miles", 5, 2, 5_000, 1_250);

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("World of Hyatt")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .earnRule(new EarnRule.Rate(BASE_RATE, RuleSettings.defaults(), POINTS,
          BigDecimal.valueOf(POINTS_PER_DOLLAR), Money.of("1", "USD"),
          LineFilter.categories(STAYS, DINING, SPA)))
      .tiers(TierLadder.of(TierMetric.NIGHTS, QualificationWindow.calendarYear(), List.of(
          Tier.of(MEMBER.value(), "Member", 0),
          Tier.of(DISCOVERIST.value(), "Discoverist", DISCOVERIST_NIGHTS),
          Tier.of(EXPLORIST.value(), "Explorist", EXPLORIST_NIGHTS),
          Tier.of(GLOBALIST.value(), "Globalist", GLOBALIST_NIGHTS),
          Tier.of(LIFETIME_GLOBALIST.value(), "Lifetime Globalist", LIFETIME_GLOBALIST_NIGHTS)
              .withWindow(QualificationWindow.lifetime()))))
      .partner(Partner.of(AIRLINE_ID, "Airline partner", Money.of("0.01", "USD"))
          .withTransfers(TO_MILES))
      .build();

  private WorldOfHyatt() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
