#!/usr/bin/env bash
# Installs the R side of bench/spc-vs-r.sh on Debian 12: R 4.2 and NHSRplotthedots' imports from Debian's
# packages, then NHSRplotthedots 0.2.2 from a checkout of github.com/nhs-r-community/NHSRplotthedots
# (commit 050b07d, the version the reference cases in ../shared/reference were computed with).
# Debian's dplyr is 1.0.10, before dplyr 1.1, so two spellings are changed in a copy, neither of
# which changes a calculation: the unused import of dplyr::pick is dropped, and case_when's
# `.default = x` is written as its older equivalent `TRUE ~ x`.
# Usage: bench/install-nhsrplotthedots.sh CHECKOUT   (run as root)
set -euo pipefail
checkout="${1:?usage: install-nhsrplotthedots.sh CHECKOUT}"
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends r-base-core r-cran-assertthat \
  r-cran-base64enc r-cran-crayon r-cran-dplyr r-cran-ggplot2 r-cran-magrittr r-cran-plotly r-cran-rlang \
  r-cran-rsvg r-cran-scales r-cran-stringr r-cran-tidyselect r-cran-tibble bc
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$checkout" "$work/NHSRplotthedots"
sed -i '/importFrom(dplyr,pick)/d' "$work/NHSRplotthedots/NAMESPACE"
sed -i 's/^\(\s*\)\.default = \(.*\)$/\1TRUE ~ \2/' "$work/NHSRplotthedots/R/ptd_calculate_point_type.R"
R CMD INSTALL --no-docs --no-multiarch "$work/NHSRplotthedots"
Rscript -e 'library(NHSRplotthedots); cat("NHSRplotthedots", format(packageVersion("NHSRplotthedots")), "\n")'
