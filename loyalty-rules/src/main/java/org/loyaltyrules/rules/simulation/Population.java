package org.loyaltyrules.rules.simulation;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigDecimal;

/**
 * A synthetic population of customers, as a {@link Simulation} draws it from its seed: how many
 * there are, who enrols and when, how often they come and what they buy, when they stop coming,
 * and how members spend their points. Every chance is in <em>basis points</em> (1/100 of a
 * percent: 10,000 is certain, 250 is 2.5 %), every amount exact; nothing is floating point.
 *
 * <p>Each customer draws their own figures from their own random stream, so one customer's
 * behaviour does not depend on any other's:
 *
 * <ul>
 *   <li><b>Visits.</b> A customer's rate is drawn once, uniformly (in steps of 0.01) between
 *       {@link #minVisitsPerMonth} and {@link #maxVisitsPerMonth}; on each day the customer comes
 *       with chance rate / 30, at most once a day, at a minute drawn between 07:00 and 21:00 in
 *       the program's zone.
 *   <li><b>Enrolment.</b> A share {@link #enrolmentBasisPoints} of customers ever enrol. With
 *       {@link Enrolment#AT_FIRST_VISIT} they enrol at their first visit; with
 *       {@link Enrolment#DAILY_CHANCE} they decide on a day drawn with
 *       {@link #dailyEnrolmentBasisPoints} a day, and enrol at their first visit from then on.
 *       Until then they buy as non-members, whom the program never sees.
 *   <li><b>Baskets.</b> Between {@link #minLines} and {@link #maxLines} lines, each of quantity
 *       one (one to three nights where the program's tiers count nights), at a unit price drawn
 *       uniformly, in the currency's smallest unit, between {@link #minLinePrice} and
 *       {@link #maxLinePrice} of the program's currency. Categories, tags, skus, partners and
 *       payment instruments are drawn from those the program's rules name, so that its
 *       multipliers and filters are exercised.
 *   <li><b>Churn.</b> At the start of each 30-day month of the run a customer stops coming for
 *       good with chance {@link #monthlyChurnBasisPoints}, on a day drawn within that month.
 *   <li><b>Spending points.</b> After a visit, a member who can afford something — a reward open
 *       to their tier, a donation, paying part of the order with points, a transfer to a partner
 *       — does so with chance {@link #redemptionBasisPoints}, choosing as
 *       {@link #burnChoice} says.
 *   <li><b>Returns.</b> With chance {@link #returnBasisPoints} a member's purchase has one of
 *       its lines returned whole, 1 to 14 days later.
 *   <li><b>Engagement.</b> With chance {@link #engagementBasisPoints} a member's visit also sends
 *       one engagement event the program rewards (a check-in, a review...); a program that earns
 *       on nothing but events gets one with every visit.
 *   <li><b>Profile, referrals, fees, channels.</b> A share {@link #birthdayBasisPoints} of new
 *       members share a birthday; where the program rewards referrals, a share
 *       {@link #referralBasisPoints} of new members were referred by an earlier member; a member
 *       whose paid membership has ended pays again at a visit with chance
 *       {@link #renewalBasisPoints}; a purchase is online with chance
 *       {@link #onlineBasisPoints}, in the app with chance {@link #appBasisPoints}, else in a
 *       store; it is paid with an instrument the program's rules name with chance
 *       {@link #instrumentBasisPoints}; each line carries each tag the program names with chance
 *       {@link #tagBasisPoints}.
 *   <li><b>Survey.</b> See {@link Survey}.
 * </ul>
 *
 * <p>Immutable and thread-safe. The constructor and the withers throw
 * {@link IllegalArgumentException} naming the field and the bad value.
 *
 * @param customers how many customers there are; 1 to {@value #MAX_CUSTOMERS}
 * @param enrolmentBasisPoints the share of customers who ever enrol; 0 to 10,000
 * @param enrolment when those customers enrol
 * @param dailyEnrolmentBasisPoints the daily chance of deciding to enrol, for
 *     {@link Enrolment#DAILY_CHANCE}; 1 to 10,000 (ignored otherwise, but still checked)
 * @param minVisitsPerMonth the lowest visit rate a customer may draw; from 0.01 to 30, at most
 *     two decimal places
 * @param maxVisitsPerMonth the highest; from {@code minVisitsPerMonth} to 30, at most two
 *     decimal places
 * @param minLines the fewest lines in a basket; 1 to 20
 * @param maxLines the most lines in a basket; {@code minLines} to 20
 * @param minLinePrice the lowest unit price of a line, in the program's currency; not negative
 * @param maxLinePrice the highest unit price; not below {@code minLinePrice}, below one billion
 * @param monthlyChurnBasisPoints the chance each month that a customer stops coming; 0 to 10,000
 * @param redemptionBasisPoints the chance a member who can afford to spend points does so after
 *     a visit; 0 to 10,000
 * @param burnChoice how a member chooses among what they can afford
 * @param returnBasisPoints the chance a member's purchase is partly returned later; 0 to 10,000
 * @param engagementBasisPoints the chance a member's visit also sends an engagement event the
 *     program rewards; 0 to 10,000
 * @param birthdayBasisPoints the share of new members who share their birthday; 0 to 10,000
 * @param referralBasisPoints the share of new members referred by an earlier member, where the
 *     program rewards referrals; 0 to 10,000
 * @param renewalBasisPoints the chance at a visit that a member whose paid membership ended (or
 *     whose trial ended) pays its fee; 0 to 10,000
 * @param onlineBasisPoints the chance a purchase is made online; 0 to 10,000
 * @param appBasisPoints the chance a purchase is made in the app; 0 to 10,000, and with
 *     {@code onlineBasisPoints} at most 10,000
 * @param instrumentBasisPoints the chance a purchase is paid with a payment instrument the
 *     program's rules name (a co-branded card); 0 to 10,000
 * @param tagBasisPoints the chance a line carries a given tag the program's rules name, or one
 *     of the skus they name; 0 to 10,000
 * @param survey the synthetic survey
 */
public record Population(int customers, int enrolmentBasisPoints, Enrolment enrolment,
    int dailyEnrolmentBasisPoints, BigDecimal minVisitsPerMonth, BigDecimal maxVisitsPerMonth,
    int minLines, int maxLines, BigDecimal minLinePrice, BigDecimal maxLinePrice,
    int monthlyChurnBasisPoints, int redemptionBasisPoints, BurnChoice burnChoice,
    int returnBasisPoints, int engagementBasisPoints, int birthdayBasisPoints,
    int referralBasisPoints, int renewalBasisPoints, int onlineBasisPoints, int appBasisPoints,
    int instrumentBasisPoints, int tagBasisPoints, Survey survey) {

  /** The most customers a population may have: {@value}. */
  public static final int MAX_CUSTOMERS = 1_000_000;

  /** Certainty, in basis points: {@value}. */
  public static final int CERTAIN = 10_000;

  private static final int MAX_LINES = 20;
  private static final BigDecimal MAX_VISITS = BigDecimal.valueOf(30);
  private static final BigDecimal MIN_VISITS = new BigDecimal("0.01");
  private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

  private static final Population DEFAULTS = new Population(10_000, 6_000,
      Enrolment.AT_FIRST_VISIT, 100, BigDecimal.ONE, new BigDecimal("4"), 1, 3,
      new BigDecimal("2.00"), new BigDecimal("20.00"), 300, 5_000, BurnChoice.RANDOM, 200,
      3_000, 5_000, 2_000, 8_000, 2_500, 1_500, 3_000, 2_000, Survey.defaults());

  /** When a customer who will enrol does so. Immutable and thread-safe. */
  public enum Enrolment {
    /** At the customer's first visit. */
    AT_FIRST_VISIT,
    /**
     * At the first visit on or after a day drawn with
     * {@link Population#dailyEnrolmentBasisPoints()} a day, so members join through the run.
     */
    DAILY_CHANCE
  }

  /** How a member chooses among what they can afford. Immutable and thread-safe. */
  public enum BurnChoice {
    /** Any of them, with equal chance. */
    RANDOM,
    /** The one costing the fewest points; the first in the program's order on a tie. */
    CHEAPEST,
    /** The one costing the most points; the first in the program's order on a tie. */
    DEAREST
  }

  /**
   * A simple model of survey answers. At the end of the run each customer who came at least
   * once answers with chance {@code responseBasisPoints}: a Net Promoter score from 0 to 10,
   * drawn uniformly from {@code min(10, npsFloor + uplift)} to 10, and a customer effort score
   * from 1 (very hard) to 7 (very easy), drawn uniformly from {@code min(7, effortFloor +
   * uplift)} to 7, where the uplift is 0 for a non-member, {@code memberUplift} for a member and
   * {@code memberUplift + redeemerUplift} for a member who spent points at least once.
   *
   * <p>Immutable and thread-safe.
   *
   * @param responseBasisPoints the chance a customer answers; 0 to 10,000
   * @param npsFloor the lowest score a non-member gives; 0 to 10
   * @param effortFloor the lowest effort score a non-member gives; 1 to 7
   * @param memberUplift how much higher a member's lowest scores are; 0 to 10
   * @param redeemerUplift how much higher again for a member who spent points; 0 to 10
   */
  public record Survey(int responseBasisPoints, int npsFloor, int effortFloor, int memberUplift,
      int redeemerUplift) {
    /**
     * Validates the model.
     *
     * @throws IllegalArgumentException naming the field and the bad value
     */
    public Survey {
      basisPoints("survey.responseBasisPoints", responseBasisPoints);
      range("survey.npsFloor", npsFloor, 0, 10);
      range("survey.effortFloor", effortFloor, 1, 7);
      range("survey.memberUplift", memberUplift, 0, 10);
      range("survey.redeemerUplift", redeemerUplift, 0, 10);
    }

    /**
     * Returns the defaults: 20 % answer; non-members score 3 to 10 and effort 2 to 7; members
     * one higher at the bottom, members who spent points three higher.
     */
    public static Survey defaults() {
      return new Survey(2_000, 3, 2, 1, 2);
    }

    /** Returns the lowest NPS score for the given uplift. */
    int npsLow(int uplift) {
      return Math.min(10, npsFloor + uplift);
    }

    /** Returns the lowest effort score for the given uplift. */
    int effortLow(int uplift) {
      return Math.min(7, effortFloor + uplift);
    }
  }

  /**
   * Validates the population.
   *
   * @throws IllegalArgumentException naming the field and the bad value
   */
  public Population {
    range("population.customers", customers, 1, MAX_CUSTOMERS);
    basisPoints("population.enrolmentBasisPoints", enrolmentBasisPoints);
    present("population.enrolment", enrolment);
    range("population.dailyEnrolmentBasisPoints", dailyEnrolmentBasisPoints, 1, CERTAIN);
    visits("population.minVisitsPerMonth", minVisitsPerMonth);
    visits("population.maxVisitsPerMonth", maxVisitsPerMonth);
    checkArgument(maxVisitsPerMonth.compareTo(minVisitsPerMonth) >= 0,
        "population.maxVisitsPerMonth must not be below minVisitsPerMonth (%s), was %s",
        minVisitsPerMonth.toPlainString(), maxVisitsPerMonth.toPlainString());
    range("population.minLines", minLines, 1, MAX_LINES);
    range("population.maxLines", maxLines, minLines, MAX_LINES);
    price("population.minLinePrice", minLinePrice);
    price("population.maxLinePrice", maxLinePrice);
    checkArgument(maxLinePrice.compareTo(minLinePrice) >= 0,
        "population.maxLinePrice must not be below minLinePrice (%s), was %s",
        minLinePrice.toPlainString(), maxLinePrice.toPlainString());
    basisPoints("population.monthlyChurnBasisPoints", monthlyChurnBasisPoints);
    basisPoints("population.redemptionBasisPoints", redemptionBasisPoints);
    present("population.burnChoice", burnChoice);
    basisPoints("population.returnBasisPoints", returnBasisPoints);
    basisPoints("population.engagementBasisPoints", engagementBasisPoints);
    basisPoints("population.birthdayBasisPoints", birthdayBasisPoints);
    basisPoints("population.referralBasisPoints", referralBasisPoints);
    basisPoints("population.renewalBasisPoints", renewalBasisPoints);
    basisPoints("population.onlineBasisPoints", onlineBasisPoints);
    basisPoints("population.appBasisPoints", appBasisPoints);
    checkArgument(onlineBasisPoints + appBasisPoints <= CERTAIN,
        "population.appBasisPoints plus onlineBasisPoints (%s) must be at most %s, was %s",
        onlineBasisPoints, CERTAIN, appBasisPoints);
    basisPoints("population.instrumentBasisPoints", instrumentBasisPoints);
    basisPoints("population.tagBasisPoints", tagBasisPoints);
    present("population.survey", survey);
  }

  /**
   * Returns the defaults: 10,000 customers, 60 % of whom enrol at their first visit; 1 to 4
   * visits a month; 1 to 3 lines of 2.00 to 20.00 each; 3 % churn a month; members who can
   * afford to spend points do so after half their visits, choosing at random; 2 % of purchases
   * partly returned; 30 % of visits send an engagement event; half of members share a birthday;
   * 20 % of new members referred; 80 % renew a paid membership at a visit after it ends; 25 %
   * of purchases online and 15 % in the app; 30 % paid with a named instrument; each named tag on
   * 20 % of lines; and the {@linkplain Survey#defaults() default survey}.
   */
  public static Population defaults() {
    return DEFAULTS;
  }

  /** Returns a copy with the given number of customers. */
  public Population withCustomers(int customers) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy in which the given share enrol, as {@code enrolment} says. */
  public Population withEnrolment(int enrolmentBasisPoints, Enrolment enrolment) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given daily chance of deciding to enrol. */
  public Population withDailyEnrolment(int dailyEnrolmentBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy whose customers draw a visit rate between the given ones. */
  public Population withVisitsPerMonth(BigDecimal min, BigDecimal max) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        min, max, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy whose baskets have between {@code min} and {@code max} lines. */
  public Population withLines(int min, int max) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, min, max, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy whose lines cost between {@code min} and {@code max} each. */
  public Population withLinePrice(BigDecimal min, BigDecimal max) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, min, max,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given monthly churn. */
  public Population withMonthlyChurn(int monthlyChurnBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy in which members spend points with the given chance, choosing so. */
  public Population withRedemption(int redemptionBasisPoints, BurnChoice burnChoice) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given chance that a purchase is partly returned. */
  public Population withReturns(int returnBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given chance that a visit sends an engagement event. */
  public Population withEngagement(int engagementBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given shares sharing a birthday and referred by a member. */
  public Population withProfiles(int birthdayBasisPoints, int referralBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given chance of paying a paid membership's fee again. */
  public Population withRenewal(int renewalBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given channel shares. */
  public Population withChannels(int onlineBasisPoints, int appBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given chances of a named instrument and of each named tag. */
  public Population withTargeting(int instrumentBasisPoints, int tagBasisPoints) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  /** Returns a copy with the given survey model. */
  public Population withSurvey(Survey survey) {
    return new Population(customers, enrolmentBasisPoints, enrolment, dailyEnrolmentBasisPoints,
        minVisitsPerMonth, maxVisitsPerMonth, minLines, maxLines, minLinePrice, maxLinePrice,
        monthlyChurnBasisPoints, redemptionBasisPoints, burnChoice, returnBasisPoints,
        engagementBasisPoints, birthdayBasisPoints, referralBasisPoints, renewalBasisPoints,
        onlineBasisPoints, appBasisPoints, instrumentBasisPoints, tagBasisPoints, survey);
  }

  private static void present(String field, Object value) {
    checkArgument(value != null, "%s must not be null", field);
  }

  private static void range(String field, int value, int min, int max) {
    checkArgument(value >= min && value <= max, "%s must be from %s to %s, was %s", field, min,
        max, value);
  }

  private static void basisPoints(String field, int value) {
    checkArgument(value >= 0 && value <= CERTAIN,
        "%s must be from 0 to %s basis points, was %s", field, CERTAIN, value);
  }

  private static void visits(String field, BigDecimal value) {
    present(field, value);
    checkArgument(value.compareTo(MIN_VISITS) >= 0 && value.compareTo(MAX_VISITS) <= 0
            && value.stripTrailingZeros().scale() <= 2,
        "%s must be from 0.01 to 30 with at most two decimal places, was %s", field,
        value.toPlainString());
  }

  private static void price(String field, BigDecimal value) {
    present(field, value);
    checkArgument(value.signum() >= 0 && value.compareTo(MAX_PRICE) < 0,
        "%s must be from 0 to less than 1000000000, was %s", field, value.toPlainString());
  }
}
