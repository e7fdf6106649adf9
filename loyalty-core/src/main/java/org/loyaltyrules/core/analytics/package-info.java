/**
 * Program analytics: pure, static metric functions over data the host supplies, in
 * {@link org.loyaltyrules.core.analytics.ProgramMetrics}. Members' states (their ledgers'
 * postings) give the participation, redemption and breakage rates, the points issued, redeemed
 * and expired ({@link org.loyaltyrules.core.analytics.PointTotals}), the outstanding points
 * liability in money and the members active in a period, hence retention and churn; money
 * figures give the reward cost as a share of revenue and the customer lifetime value; survey
 * answers give the net promoter score ({@link org.loyaltyrules.core.analytics.NetPromoterScore})
 * and the customer effort score; per-customer spend and visits give members against
 * non-members ({@link org.loyaltyrules.core.analytics.MemberComparison}).
 *
 * <p>Rates are exact fractions ({@link org.loyaltyrules.core.analytics.Ratio}), divided only at
 * a scale the caller chooses, and undefined rather than zero when there is nothing to divide
 * by. Nothing here reads a clock, performs I/O or keeps state; all types are immutable and
 * thread-safe.
 */
package org.loyaltyrules.core.analytics;
