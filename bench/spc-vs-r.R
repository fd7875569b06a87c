# The R half of bench/spc-vs-r.sh: NHSRplotthedots on the same file as kpo spc, then every point compared.
#   Rscript spc-vs-r.R run SERIES_CSV OUT_CSV        NHSRplotthedots, faceted by series, lower is better
#   Rscript spc-vs-r.R compare PTD_CSV KPO_CSV       centre and limits to 1e-9, point types equal
args <- commandArgs(trailingOnly = TRUE)
if (length(args) != 3) stop("usage: spc-vs-r.R run|compare FILE FILE")

if (args[1] == "run") {
  suppressPackageStartupMessages(library(NHSRplotthedots))
  d <- read.csv(args[2], colClasses = c("character", "Date", "numeric"))
  r <- as.data.frame(ptd_spc(d, value_field = value, date_field = period, facet_field = series,
                             improvement_direction = "decrease"))
  write.csv(data.frame(series = r$f, period = format(r$x), value = r$y, centre = r$mean_col, lpl = r$lpl,
                       upl = r$upl, point_type = r$point_type),
            args[3], row.names = FALSE)
} else if (args[1] == "compare") {
  ptd <- read.csv(args[2], colClasses = c("character", "character", "numeric", "numeric", "numeric", "numeric",
                                          "character"))
  kpo <- read.csv(args[3], colClasses = "character")
  both <- merge(ptd, kpo, by = c("series", "period"), suffixes = c(".ptd", ".kpo"))
  n <- nrow(both)
  gap <- function(a, b) abs(as.numeric(a) - as.numeric(b))
  centre <- sum(gap(both$centre.ptd, both$centre.kpo) > 1e-9)
  lower <- sum(gap(both$lpl, both$lcl) > 1e-9)
  upper <- sum(gap(both$upl, both$ucl) > 1e-9)
  types <- sum(both$point_type.ptd != both$point_type.kpo)
  cat(sprintf("compared %d points of %d series (NHSRplotthedots %d rows, kpo spc %d rows)\n", n,
              length(unique(both$series)), nrow(ptd), nrow(kpo)))
  cat(sprintf("  centre differs by more than 1e-9: %d; lower limit: %d; upper limit: %d; point type: %d\n",
              centre, lower, upper, types))
  if (n != nrow(ptd) || n != nrow(kpo) || centre + lower + upper + types > 0) {
    bad <- both[gap(both$centre.ptd, both$centre.kpo) > 1e-9 | both$point_type.ptd != both$point_type.kpo, ]
    print(head(bad, 5))
    quit(status = 1)
  }
  cat("  every point equal\n")
} else {
  stop("usage: spc-vs-r.R run|compare FILE FILE")
}
