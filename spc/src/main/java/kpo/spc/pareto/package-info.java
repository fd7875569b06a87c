/**
 * Pareto analysis: which few reasons make most of a problem (the 80/20 of cancellations by reason),
 * counted from free text grouped by its exact words after trimming and case-folding.
 */
package kpo.spc.pareto;
