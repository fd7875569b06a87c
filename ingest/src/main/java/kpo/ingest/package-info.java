/**
 * Ingest: reads a trust's extracts with Spark SQL, validates every row into accepted rows and
 * rejections, pseudonymises identifiers and aggregates measure series. Knows nothing of SPC or
 * PDFs. Built by the ingest issue; the module exists now so that the build graph is fixed.
 */
package kpo.ingest;
