/** The pack's look: the Making Data Count palette, point marks, and the one bundled typeface. */
package kpo.reports.style;
