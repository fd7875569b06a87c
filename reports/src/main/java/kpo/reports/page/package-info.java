/**
 * The pack's page model: what each page says, in reading order (sections, headings, paragraphs,
 * tables, figures with their description and data, links), recorded while the PDF is laid out, so
 * that the HTML pack is the same pack drawn from the same layout rather than a second copy of it.
 */
package kpo.reports.page;
