/**
 * The report of a simulation run: a small immutable data model ({@link
 * org.loyaltyrules.examples.simulate.ReportData} and its parts, figures held as exact values
 * with a {@link org.loyaltyrules.examples.simulate.Unit}) and its two renderings, the
 * plain-text {@link org.loyaltyrules.examples.simulate.SummaryTable} and the self-contained
 * {@link org.loyaltyrules.examples.simulate.HtmlReport} with inline SVG charts drawn by hand.
 * Both depend on the data alone, so the same data gives the same bytes on every run and
 * machine.
 */
package org.loyaltyrules.examples.simulate;
