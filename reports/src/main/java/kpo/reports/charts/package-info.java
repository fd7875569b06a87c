/**
 * The Making Data Count chart (one renderer for PDF and PNG), its date axis and edge labels, and the
 * summary matrix's sparklines.
 */
package kpo.reports.charts;
