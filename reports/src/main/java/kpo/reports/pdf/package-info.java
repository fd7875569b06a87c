/**
 * The PDF document: embedded fonts, the running frame, page references, bookmarks and links,
 * deterministic metadata, and the layout pieces the pages share.
 */
package kpo.reports.pdf;
