package org.loyaltyrules.rules.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written, bound by Jackson: the program file it runs, the member it starts
 * with, and its steps with what must hold after each. {@link ScenarioRunner} runs it.
 */
record ScenarioDefinition(String format, String name, String program, Long seed,
    MemberDefinition member, List<StepDefinition> steps) {

  /** The format this version reads. */
  static final String FORMAT = "loyalty-scenario/1";

  /**
   * The member at the start: enrolled at a local date-time in the program's zone, referred by
   * the member {@code referredBy} if given.
   */
  record MemberDefinition(String id, String enrolled, String birthday, List<String> segments,
      Map<String, String> attributes, String referredBy) {}

  /**
   * One step: an activity at a local date-time (or a time advance), then expectations. Exactly
   * one of the activities, or {@code advance: true}.
   */
  record StepDefinition(String at, PurchaseDefinition purchase,
      @JsonProperty("return") ReturnDefinition giveBack, EventDefinition event,
      RedeemDefinition redeem, PayDefinition payWithPoints, DonateDefinition donate,
      TransferDefinition transfer, PayFeeDefinition payFee, RefundFeeDefinition refundFee, TrialDefinition startTrial,
      AdjustDefinition adjust, Boolean advance, ExpectDefinition expect,
      ReferralStepDefinition referralCredit, ReferralStepDefinition referralWithdrawal) {}

  /** A purchase. */
  record PurchaseDefinition(String id, String channel, BigDecimal tax, BigDecimal shipping,
      String partner, String instrument, List<LineDefinition> lines) {}

  /** One line of a purchase. */
  record LineDefinition(String id, String sku, String category, BigDecimal quantity,
      BigDecimal price, List<String> tags, String unit, String partner) {}

  /** A return of lines of a purchase. */
  record ReturnDefinition(String id, String purchase, List<ReturnLineDefinition> lines) {}

  /** A returned quantity of a line. */
  record ReturnLineDefinition(String line, BigDecimal quantity) {}

  /** An engagement event. */
  record EventDefinition(String id, String type, Map<String, String> attributes) {}

  /** A reward redemption. */
  record RedeemDefinition(String id, String reward, Integer quantity) {}

  /** Paying part of a purchase with points. */
  record PayDefinition(String id, String purchase, String unit, Long points) {}

  /** A donation of points to a cause. */
  record DonateDefinition(String id, String cause, String unit, Long points) {}

  /** A transfer of points to a partner's program. */
  record TransferDefinition(String id, String partner, String unit, Long points) {}

  /** A membership fee paid for a plan. */
  record PayFeeDefinition(String id, String plan, BigDecimal amount) {}

  /** A membership fee, or part of it, refunded; {@code payment} is the fee payment's id. */
  record RefundFeeDefinition(String id, String plan, BigDecimal amount, String payment) {}

  /** The free trial of a plan started. */
  record TrialDefinition(String id, String plan) {}

  /**
   * On the referrer, a referred friend's qualifying purchase credited, or its return withdrawn:
   * the friend's member id and the purchase's id in the friend's state.
   */
  record ReferralStepDefinition(String id, String friend, String purchase) {}

  /** Points adjusted up or down, with the reason; the unit may be left out if there is one. */
  record AdjustDefinition(String id, String unit, Long points, String reason) {}

  /**
   * What must hold after a step; every field is optional. {@code perks} are the distinct perks
   * the decision granted, {@code memberships} each plan's membership status after the step
   * ({@code none} for no membership), {@code discount} the sum of the discounts granted,
   * {@code entries} the entries the member holds in each named draw after the step.
   */
  record ExpectDefinition(Map<String, Long> available, Map<String, Long> pending,
      Map<String, Long> granted, Map<String, String> notes, Map<String, Integer> effects,
      List<VoucherExpectation> vouchers, String tier, List<String> perks,
      Map<String, String> memberships, BigDecimal discount, List<String> errors, String refused,
      Boolean replay, SettlementExpectation settlement, ReferralExpectation referral,
      Map<String, Long> entries, Map<String, BigDecimal> challenges, Map<String, String> badges) {}

  /**
   * The referral news the decision announces for the host to carry to the referrer: the
   * referrer a {@code referral-qualified} effect names, or a {@code referral-withdrawn} one.
   */
  record ReferralExpectation(String qualified, String withdrawn) {}

  /**
   * The coalition settlement of one calendar month ({@code yyyy-MM}) over the member's postings
   * so far: each named partner's net position ({@code partners}, positive when the operator
   * pays it), each named cause's amount due, the operator's net, and the points outstanding per
   * funder (a partner id, or {@code operator}). The unit may be left out if the program has one
   * redeemable unit.
   */
  record SettlementExpectation(String month, String unit, Map<String, BigDecimal> partners,
      Map<String, BigDecimal> causes, BigDecimal operator, Map<String, Long> outstanding) {}

  /** A voucher the member holds: its value and status. */
  record VoucherExpectation(BigDecimal value, String status) {}
}
