/**
 * The activities a loyalty program sees: what a member did, as reported by the host.
 *
 * <p>{@link org.loyaltyrules.core.activity.Activity} is a sealed interface over every kind: a
 * {@link org.loyaltyrules.core.activity.Purchase} of one or more
 * {@link org.loyaltyrules.core.activity.PurchaseLine lines}, a
 * {@link org.loyaltyrules.core.activity.Return} of whole lines or part of a line's quantity,
 * membership fee payments and refunds, {@link org.loyaltyrules.core.activity.EngagementEvent
 * engagement events} (check-in, review, referral, ...), the member's own burn actions (redeem a
 * reward, pay with points, donate, transfer to a partner), customer-service adjustments,
 * account closure, and the {@link org.loyaltyrules.core.activity.ReferralCredit credit} and
 * {@link org.loyaltyrules.core.activity.ReferralWithdrawal withdrawal} of a referred friend's
 * qualifying purchase on the referrer. Each activity carries the id the host assigned, so a retried call earns
 * nothing twice, and the instant it occurred.
 *
 * <p>Every type here is an immutable, thread-safe value (except
 * {@link org.loyaltyrules.core.activity.Purchase.Builder}). Factories and constructors validate
 * their arguments: a null or bad argument throws {@link java.lang.IllegalArgumentException} whose
 * message names the activity, the field and the bad value (never a bare
 * {@link java.lang.NullPointerException}); amounts in the wrong currency throw
 * {@link org.loyaltyrules.core.CurrencyMismatchException}. Money is exact
 * ({@link org.loyaltyrules.core.Money}); quantities are {@link java.math.BigDecimal}; points are
 * {@code long}. Collections returned are immutable and never contain null.
 */
package org.loyaltyrules.core.activity;
