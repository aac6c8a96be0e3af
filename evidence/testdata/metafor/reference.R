# Reference figures for the evidence package's meta-analysis tests.
#
# Run from this directory with
#   Rscript reference.R
# It writes bcg.csv (metafor's dat.bcg under metafor's column names) and
# reference.json (every figure the Go tests compare, printed with 17
# significant digits). The continuous data set healing.csv is fictional
# and read as it is. reference.json records the R and metafor versions.
#
# Iterative estimators are run with a tight control (threshold and uniroot
# tolerance 1e-12) because the Go code converges tightly by default; the
# cases ending in ".default" keep metafor's default control, to check the
# PoolOptions.Threshold option and to show how far the defaults stop short.

suppressPackageStartupMessages(library(metafor))

tight <- list(threshold = 1e-12, tol = 1e-12, maxiter = 1000)

bcg <- dat.bcg
names(bcg)[names(bcg) == "tpos"] <- "ai"
names(bcg)[names(bcg) == "tneg"] <- "bi"
names(bcg)[names(bcg) == "cpos"] <- "ci"
names(bcg)[names(bcg) == "cneg"] <- "di"
bcg <- bcg[, c("trial", "author", "year", "ai", "bi", "ci", "di", "ablat", "alloc")]
write.csv(bcg, "bcg.csv", row.names = FALSE)
bcg <- read.csv("bcg.csv", stringsAsFactors = FALSE)
heal <- read.csv("healing.csv", stringsAsFactors = FALSE)

## JSON writing without extra packages.
num1 <- function(x) {
  if (is.null(x) || length(x) == 0 || is.na(x)) return("null")
  if (is.logical(x)) return(ifelse(x, "true", "false"))
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (is.infinite(x)) return(ifelse(x > 0, "\"Inf\"", "\"-Inf\""))
  sprintf("%.17g", x)
}
vec <- function(x) structure(list(as.vector(x)), class = "jvec")
json <- function(x, indent = "") {
  if (inherits(x, "jvec")) {
    v <- x[[1]]
    return(paste0("[", paste(vapply(v, num1, ""), collapse = ", "), "]"))
  }
  if (is.list(x)) {
    inner <- paste0(indent, "  ")
    parts <- mapply(function(n, v) paste0(inner, "\"", n, "\": ", json(v, inner)), names(x), x)
    return(paste0("{\n", paste(parts, collapse = ",\n"), "\n", indent, "}"))
  }
  if (length(x) != 1) return(json(vec(x), indent))
  num1(x)
}

fig <- function(res) {
  out <- list(b = vec(res$beta), se = vec(res$se), zval = vec(res$zval), pval = vec(res$pval),
              ci.lb = vec(res$ci.lb), ci.ub = vec(res$ci.ub),
              tau2 = res$tau2, se.tau2 = res$se.tau2, QE = res$QE, QEp = res$QEp,
              QM = res$QM, QMp = res$QMp, I2 = res$I2, H2 = res$H2, k = res$k, p = res$p)
  if (!is.null(res$R2)) out$R2 <- res$R2
  if (isTRUE(res$int.only)) {
    pr <- predict(res)
    out$pi.lb <- if (is.null(pr$pi.lb)) pr$ci.lb else pr$pi.lb
    out$pi.ub <- if (is.null(pr$pi.ub)) pr$ci.ub else pr$pi.ub
  }
  out
}

cases <- list()
add <- function(name, value) cases[[name]] <<- value

methods <- c("EE", "DL", "REML", "PM", "SJ", "ML", "EB", "HE", "HS")

for (m in c("RR", "OR", "RD")) {
  d <- escalc(measure = m, ai = ai, bi = bi, ci = ci, di = di, data = bcg)
  for (meth in methods) {
    add(paste("bcg", m, meth, sep = "."), fig(rma(yi, vi, data = d, method = meth, control = tight)))
  }
}
dbcg <- escalc(measure = "RR", ai = ai, bi = bi, ci = ci, di = di, data = bcg)
for (meth in c("REML", "ML", "EB", "PM")) {
  add(paste("bcg.RR", meth, "default", sep = "."), fig(rma(yi, vi, data = dbcg, method = meth)))
}
add("bcg.RR.REML.knha", fig(rma(yi, vi, data = dbcg, test = "knha", control = tight)))
add("bcg.RR.PM.knha", fig(rma(yi, vi, data = dbcg, method = "PM", test = "knha", control = tight)))

## Meta-regression.
for (meth in c("REML", "DL", "ML", "PM", "EE")) {
  add(paste("bcg.RR.mods", meth, sep = "."), fig(rma(yi, vi, mods = ~ ablat + year + alloc, data = dbcg, method = meth, control = tight)))
}
add("bcg.RR.mods.REML.knha", fig(rma(yi, vi, mods = ~ ablat + year + alloc, data = dbcg, test = "knha", control = tight)))
add("bcg.RR.ablat.REML", fig(rma(yi, vi, mods = ~ ablat, data = dbcg, control = tight)))
add("bcg.RR.alloc.REML", fig(rma(yi, vi, mods = ~ alloc, data = dbcg, control = tight)))

## Subgroups by allocation: separate models and the test of the difference.
sub <- list()
b <- c(); s <- c()
for (g in sort(unique(dbcg$alloc))) {
  r <- rma(yi, vi, data = dbcg, subset = alloc == g, control = tight)
  sub[[g]] <- fig(r)
  b <- c(b, coef(r)); s <- c(s, r$se)
}
bt <- rma(b, sei = s, mods = ~ sort(unique(dbcg$alloc)), method = "FE")
sub$between <- list(QM = bt$QM, QMp = bt$QMp, df = bt$QMdf[1])
add("bcg.RR.subgroups.alloc", sub)

## Heterogeneity intervals.
ci2 <- function(res) {
  ci <- confint(res, control = list(tol = 1e-12))$random
  list(tau2 = vec(ci["tau^2", ]), tau = vec(ci["tau", ]), I2 = vec(ci["I^2(%)", ]), H2 = vec(ci["H^2", ]))
}
res <- rma(yi, vi, data = dbcg, control = tight)
add("bcg.RR.REML.confint", ci2(res))
add("bcg.RR.DL.confint", ci2(rma(yi, vi, data = dbcg, method = "DL")))
add("bcg.RR.mods.REML.confint", ci2(rma(yi, vi, mods = ~ ablat, data = dbcg, control = tight)))
add("bcg.RR.REML.confint.default", {
  ci <- confint(res)$random
  list(tau2 = vec(ci["tau^2", ]))
})

## Small-study tests and trim-and-fill.
reg <- function(res) {
  r <- regtest(res)
  out <- list(zval = r$zval, pval = r$pval, est = r$est, ci.lb = r$ci.lb, ci.ub = r$ci.ub)
  if (!is.null(r$ddf) && !is.na(r$ddf)) out$ddf <- r$ddf
  out
}
rank <- function(res) { r <- ranktest(res); list(tau = unname(r$tau), pval = r$pval) }
tf <- function(res, ...) {
  r <- trimfill(res, ...)
  # trimfill refits the filled data with metafor's default control; refit
  # it tightly, as the Go code converges tightly.
  out <- if (r$k0 > 0) fig(rma(r$yi, r$vi, method = res$method, control = tight)) else fig(r)
  out$k0 <- r$k0; out$se.k0 <- r$se.k0; out$side <- r$side
  if (!is.null(r$p.k0) && !is.na(r$p.k0)) out$p.k0 <- r$p.k0
  out$yi <- vec(r$yi); out$vi <- vec(r$vi); out$fill <- vec(r$fill)
  out
}
add("bcg.RR.REML.regtest", reg(res))
add("bcg.RR.REML.knha.regtest", reg(rma(yi, vi, data = dbcg, test = "knha", control = tight)))
add("bcg.RR.REML.ranktest", rank(res))
add("bcg.RR.REML.trimfill", tf(res))
add("bcg.RR.REML.trimfill.R0", tf(res, estimator = "R0"))
add("bcg.RR.EE.trimfill", tf(rma(yi, vi, data = dbcg, method = "EE")))
add("bcg.RR.REML.trimfill.right", tf(res, side = "right"))

## Sensitivity.
l1 <- leave1out(res)
add("bcg.RR.REML.leave1out", lapply(as.list(as.data.frame(l1)[, c("estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2")]), vec))
cu <- as.data.frame(cumul(res, order = dbcg$year))
names(cu)[names(cu) == "pvals"] <- "pval" # metafor 3.8 spells it so in cumul
add("bcg.RR.REML.cumul.year", lapply(as.list(cu[, c("estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2")]), vec))
infl <- function(res) {
  i <- influence(res)
  out <- lapply(as.list(as.data.frame(i$inf)[, c("rstudent", "dffits", "cook.d", "cov.r", "tau2.del", "QE.del", "hat", "weight")]), vec)
  out$inf <- vec(i$is.infl)
  dfbs <- as.data.frame(i$dfbs)
  for (j in seq_len(ncol(dfbs))) out[[paste0("dfbs.", j)]] <- vec(dfbs[[j]])
  out
}
add("bcg.RR.REML.influence", infl(res))
add("bcg.RR.ablat.REML.influence", infl(rma(yi, vi, mods = ~ ablat, data = dbcg, control = tight)))
add("bcg.RR.REML.knha.influence", infl(rma(yi, vi, mods = ~ ablat, data = dbcg, test = "knha", control = tight)))
add("bcg.RR.alloc.noint.REML", fig(rma(yi, vi, mods = ~ alloc - 1, data = dbcg, control = tight)))
add("bcg.RR.ablat.noint.REML", fig(rma(yi, vi, mods = ~ ablat + alloc - 1, data = dbcg, control = tight)))

## Mantel-Haenszel and Peto.
mh <- function(r) {
  out <- list(b = r$beta, se = r$se, zval = r$zval, pval = r$pval, ci.lb = r$ci.lb, ci.ub = r$ci.ub,
              QE = r$QE, QEp = r$QEp, I2 = r$I2, H2 = r$H2, k = r$k)
  if (!is.null(r$CO) && !is.na(r$CO)) { out$CO <- r$CO; out$COp <- r$COp }
  if (!is.null(r$TA) && !is.na(r$TA)) { out$TA <- r$TA; out$TAp <- r$TAp }
  if (!is.null(r$MH) && !is.na(r$MH)) { out$MH <- r$MH; out$MHp <- r$MHp }
  out
}
for (m in c("RR", "OR", "RD")) {
  add(paste("bcg.MH", m, sep = "."), mh(rma.mh(ai = ai, bi = bi, ci = ci, di = di, data = bcg, measure = m)))
}
add("bcg.PETO", mh(rma.peto(ai = ai, bi = bi, ci = ci, di = di, data = bcg)))
## Zero cells: a table with no events in either group is left out of QE.
zero <- data.frame(ai = c(0, 2, 5, 0, 1), bi = c(20, 18, 15, 25, 30), ci = c(3, 4, 6, 0, 1), di = c(17, 16, 14, 25, 29))
write.csv(zero, "zero.csv", row.names = FALSE)
for (m in c("RR", "OR", "RD")) {
  add(paste("zero.MH", m, sep = "."), mh(rma.mh(ai = ai, bi = bi, ci = ci, di = di, data = zero, measure = m)))
}
add("zero.PETO", mh(rma.peto(ai = ai, bi = bi, ci = ci, di = di, data = zero)))

## The continuous data set (standardised and raw mean differences).
for (m in c("SMD", "MD")) {
  d <- escalc(measure = m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = heal)
  add(paste("heal", m, "yi", sep = "."), list(yi = vec(d$yi), vi = vec(d$vi)))
  for (meth in methods) {
    add(paste("heal", m, meth, sep = "."), fig(rma(yi, vi, data = d, method = meth, control = tight)))
  }
}
dh <- escalc(measure = "SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = heal)
rh <- rma(yi, vi, data = dh, control = tight)
for (meth in c("REML", "ML", "EB", "PM")) {
  add(paste("heal.SMD", meth, "default", sep = "."), fig(rma(yi, vi, data = dh, method = meth)))
}
add("heal.SMD.mods.REML", fig(rma(yi, vi, mods = ~ dose + route, data = dh, control = tight)))
add("heal.SMD.mods.REML.knha", fig(rma(yi, vi, mods = ~ dose + route, data = dh, test = "knha", control = tight)))
add("heal.SMD.mods.SJ", fig(rma(yi, vi, mods = ~ dose + route, data = dh, method = "SJ", control = tight)))
add("heal.SMD.mods.HE", fig(rma(yi, vi, mods = ~ dose + route, data = dh, method = "HE", control = tight)))
add("heal.SMD.mods.HS", fig(rma(yi, vi, mods = ~ dose + route, data = dh, method = "HS", control = tight)))
add("heal.SMD.mods.EB", fig(rma(yi, vi, mods = ~ dose + route, data = dh, method = "EB", control = tight)))
add("heal.SMD.REML.confint", ci2(rh))
add("heal.SMD.REML.regtest", reg(rh))
add("heal.SMD.REML.ranktest", rank(rh))
add("heal.SMD.REML.trimfill", tf(rh))
add("heal.SMD.REML.trimfill.R0", tf(rh, estimator = "R0"))
add("heal.SMD.REML.influence", infl(rh))
l1 <- leave1out(rh)
add("heal.SMD.REML.leave1out", lapply(as.list(as.data.frame(l1)[, c("estimate", "se", "zval", "pval", "ci.lb", "ci.ub", "Q", "Qp", "tau2", "I2", "H2")]), vec))

out <- list(metafor = as.character(packageVersion("metafor")), R = R.version.string, cases = cases)
writeLines(json(out), "reference.json")
