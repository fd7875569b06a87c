/**
 * Reports: renders SPC results and measure metadata as board-pack PDFs and PNG charts. Knows
 * nothing of Spark. Built by the board-pack issue; the module exists now so that the build graph
 * is fixed.
 */
package kpo.reports;
