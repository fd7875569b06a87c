/** Dates and numbers as the pack prints them: UK style, the same on every machine. */
package kpo.reports.format;
