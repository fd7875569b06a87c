/** Reporting calendars: the NHS financial year and how often a series has a point. */
package kpo.reports.period;
