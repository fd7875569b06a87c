/**
 * What the charts say, in words and in facts for the pages: the plain-English account of each chart,
 * its text alternative, what changed since last month, urgency, monthly actuals and the financial
 * year to date, baselines and whether a target can be reached. Pure functions of the SPC results.
 */
package kpo.reports.narrative;
