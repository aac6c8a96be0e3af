# Times metafor on the inputs of the evidence package's benchmarks.
#
#   SECRETOME_BENCH_DATA=/tmp/metabench go test ./evidence -run TestWriteBenchmarkData
#   Rscript bench.R /tmp/metabench
#
# prints seconds per call (median of the repetitions) for each case. ML on
# 10,000 studies is not timed: metafor's Fisher scoring forms the k×k
# product P %*% P in every step (about 10^12 operations at k = 10,000),
# which does not finish in reasonable time; ML is timed on 1,000 studies.
suppressPackageStartupMessages(library(metafor))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "."
k10000 <- read.csv(file.path(dir, "k10000.csv"))
k1000 <- read.csv(file.path(dir, "k1000.csv"))
reg <- read.csv(file.path(dir, "reg1000.csv"), stringsAsFactors = TRUE)
fun <- read.csv(file.path(dir, "funnel100.csv"))

timeit <- function(name, reps, expr, warmup = TRUE) {
  f <- function() eval(expr)
  if (warmup) f()
  t <- replicate(reps, system.time(f())[["elapsed"]])
  cat(sprintf("%-28s %12.6f s/call (median of %d)\n", name, median(t), reps))
}
cat("metafor", as.character(packageVersion("metafor")), "on", R.version.string, "\n")
timeit("PM, 10,000 studies", 1, quote(rma(yi, vi, data = k10000, method = "PM")), warmup = FALSE)
timeit("ML, 1,000 studies", 3, quote(rma(yi, vi, data = k1000, method = "ML")))
timeit("REML ~ x1 + x2 + x3, 1,000", 3, quote(rma(yi, vi, mods = ~ x1 + x2 + x3, data = reg)))
timeit("trimfill, 100 studies", 10, quote(trimfill(rma(yi, vi, data = fun))))
