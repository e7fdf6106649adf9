package org.loyaltyrules.examples.programs;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.loyaltyrules.core.BadgeId;
import org.loyaltyrules.core.ChallengeId;
import org.loyaltyrules.core.Money;
import org.loyaltyrules.core.ProgramId;
import org.loyaltyrules.core.UnitId;
import org.loyaltyrules.core.program.Badge;
import org.loyaltyrules.core.program.BadgeLevel;
import org.loyaltyrules.core.program.Challenge;
import org.loyaltyrules.core.program.Grant;
import org.loyaltyrules.core.program.PointUnit;
import org.loyaltyrules.core.program.Program;

/**
 * A coffee shop's stamp card, the seeds' loyalty card: every purchase is registered, and a set
 * count of purchases gives a reward (DOMAIN.md §2, seed 000). Its figures, and where each comes
 * from:
 *
 * <ul>
 *   <li><b>10 purchases give a free drink</b> (seed: "at a set count, e.g. 10 purchases, a
 *       reward"): challenge {@value #CARD_ID}, a stamp card counting purchases toward a target of
 *       {@value #STAMPS}.
 *   <li><b>A purchase with a drink on it earns one stamp</b> (choice): a purchase counts when it
 *       holds at least one line of category {@value #DRINK}; three lattes in one order are one
 *       purchase, so one stamp, and a pastry alone earns none.
 *   <li><b>The free drink is a USD 5.00 voucher</b> (choice: the price of a large handcrafted
 *       drink), with no expiry. A voucher rather than a catalogue reward so that a return can
 *       take it back while it is unused.
 *   <li><b>The card restarts</b> (choice): the 11th purchase is stamp 1 of the next card.
 *   <li><b>A return takes its stamp back</b> (the library's rule): returning the purchase that
 *       completed a card, while the card's voucher is unused, revokes the voucher and the card
 *       is back at 9 stamps; once the voucher is used it stands, and the returned stamp is owed
 *       by the next card. Returning one drink of an order that keeps another keeps its stamp.
 *   <li><b>A badge for cards completed</b> (choice): badge {@value #COLLECTOR_ID}, level
 *       {@value #REGULAR} at {@value #REGULAR_CARDS} card, {@value #DEVOTEE} at
 *       {@value #DEVOTEE_CARDS} cards; a return that undoes a card takes its level back.
 *   <li>Prices in USD; dates in {@code America/Los_Angeles} (stated choice).
 * </ul>
 *
 * <p>Why a point unit: the card counts stamps in the member's progress counters, not points,
 * but every {@link Program} needs at least one point unit. It declares a redeemable unit
 * {@value #POINTS_ID} that no rule grants and no reward costs, so members' balances stay zero.
 * Using the voucher at the till is the host's to apply.
 */
public final class CoffeeStampCard {
  /** The program's id. */
  public static final ProgramId ID = ProgramId.of("coffee-stamp-card");
  /** The program's zone (stated choice). */
  public static final ZoneId ZONE = ZoneId.of("America/Los_Angeles");
  /** The id of the unused point unit. */
  public static final String POINTS_ID = "points";
  /** The unused point unit every program must declare. */
  public static final UnitId POINTS = UnitId.of(POINTS_ID);
  /** The id of the stamp card challenge. */
  public static final String CARD_ID = "coffee-card";
  /** The stamp card: 10 purchases with a drink give a free drink (seed). */
  public static final ChallengeId CARD = ChallengeId.of(CARD_ID);
  /** The stamps that fill a card (seed). */
  public static final long STAMPS = 10;
  /** The category of the lines that make a purchase count (choice). */
  public static final String DRINK = "drink";
  /** The free drink: a voucher of this value (choice). */
  public static final Money FREE_DRINK = Money.of("5.00", "USD");
  /** The id of the badge for cards completed. */
  public static final String COLLECTOR_ID = "card-collector";
  /** The badge for cards completed (choice). */
  public static final BadgeId COLLECTOR = BadgeId.of(COLLECTOR_ID);
  /** The badge's first level (choice). */
  public static final String REGULAR = "Regular";
  /** The cards that reach {@link #REGULAR} (choice). */
  public static final long REGULAR_CARDS = 1;
  /** The badge's second level (choice). */
  public static final String DEVOTEE = "Devotee";
  /** The cards that reach {@link #DEVOTEE} (choice). */
  public static final long DEVOTEE_CARDS = 5;

  private static final Program PROGRAM = Program.builder(ID, Money.currency("USD"), ZONE)
      .name("Coffee Stamp Card")
      .unit(PointUnit.redeemable(POINTS_ID, "Points"))
      .challenge(Challenge.stampCard(CARD_ID, "Ten drinks, the next one free", STAMPS,
          Grant.voucher(FREE_DRINK)).withCategories(Set.of(DRINK)))
      .badge(Badge.forChallenge(COLLECTOR_ID, "Card collector", CARD, List.of(
          BadgeLevel.of(REGULAR, REGULAR_CARDS), BadgeLevel.of(DEVOTEE, DEVOTEE_CARDS))))
      .build();

  private CoffeeStampCard() {}

  /** Returns the program, as configured above. */
  public static Program program() {
    return PROGRAM;
  }
}
