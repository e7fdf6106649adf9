/**
 * Coalition settlement: a pure {@link org.loyaltyrules.core.settlement.SettlementStatement} over a
 * period's ledger postings, saying what each partner owes the program operator for the points it
 * issued, what it is owed for the points it honoured, the net of the two in money under one
 * rounding rule, what each cause is owed for donations, and where every point each partner
 * funded went.
 */
package org.loyaltyrules.core.settlement;
