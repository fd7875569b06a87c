/**
 * Reports: the monthly board pack (a PDF for the trust and one per CSU), PNG charts, and the pack's
 * words as CSV and JSON, from SPC results and what the trust knows about its measures. Knows nothing
 * of Spark or of where the data came from; prints no date that is not in its input.
 *
 * <p>The input model is a {@link kpo.reports.BoardPack}: the trust, the reporting month, the data-to
 * date, the commitments (trust A3s and CSU A3s), the measures ({@link kpo.reports.MeasureReport},
 * each with this month's and last month's {@code ChartResult}), the data-quality summary of each
 * source and the reconciliations with published returns. Entry points:
 * {@link kpo.reports.BoardPackPdf#trust}, {@link kpo.reports.BoardPackPdf#csu},
 * {@link kpo.reports.charts.ChartImages#png} and {@link kpo.reports.PackText}.
 */
package kpo.reports;
