package evidence_test

import (
	"errors"
	"fmt"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
)

// Pool the 13 BCG vaccine trials (metafor's dat.bcg) as log risk ratios
// with a REML random-effects model.
func ExamplePool() {
	trials := []evidence.TwoByTwo{
		{A: 4, B: 119, C: 11, D: 128}, {A: 6, B: 300, C: 29, D: 274},
		{A: 3, B: 228, C: 11, D: 209}, {A: 62, B: 13536, C: 248, D: 12619},
		{A: 33, B: 5036, C: 47, D: 5761}, {A: 180, B: 1361, C: 372, D: 1079},
		{A: 8, B: 2537, C: 10, D: 619}, {A: 505, B: 87886, C: 499, D: 87892},
		{A: 29, B: 7470, C: 45, D: 7232}, {A: 17, B: 1699, C: 65, D: 1600},
		{A: 186, B: 50448, C: 141, D: 27197}, {A: 5, B: 2493, C: 3, D: 2338},
		{A: 27, B: 16886, C: 29, D: 17825},
	}
	effects := make([]evidence.Effect, len(trials))
	for i, t := range trials {
		e, err := evidence.RiskRatio(t)
		if err != nil {
			fmt.Println(err)
			return
		}
		effects[i] = e
	}

	res, err := evidence.Pool(effects, evidence.PoolOptions{Method: evidence.MethodREML})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("log RR %.4f (SE %.4f), 95%% CI [%.4f, %.4f]\n", res.Estimate, res.SE, res.CI.Lower, res.CI.Upper)
	rr, ci, pi := res.BackTransform()
	fmt.Printf("RR %.2f [%.2f, %.2f], prediction interval [%.2f, %.2f]\n", rr, ci.Lower, ci.Upper, pi.Lower, pi.Upper)
	fmt.Printf("tau² %.4f (SE %.4f), I² %.2f%%, H² %.2f\n", res.Tau2, res.SETau2, res.I2, res.H2)
	fmt.Printf("Q(%d) = %.4f\n", res.QDF, res.Q)
	// Output:
	// log RR -0.7145 (SE 0.1798), 95% CI [-1.0669, -0.3622]
	// RR 0.49 [0.34, 0.70], prediction interval [0.15, 1.55]
	// tau² 0.3132 (SE 0.1664), I² 92.22%, H² 12.86
	// Q(12) = 152.2330
}

// Input errors name the offending field, and every problem is reported at
// once; convergence failures are told apart with errors.Is.
func ExamplePool_errors() {
	effects := []evidence.Effect{
		{Measure: evidence.MeasureRR, Yi: -0.2, Vi: 0.04},
		{Measure: evidence.MeasureRR, Yi: 0.1, Vi: 0},
		{Measure: evidence.MeasureOR, Yi: 0.3, Vi: 0.09},
	}
	_, err := evidence.Pool(effects, evidence.PoolOptions{})
	printProblems(err)

	effects[1].Vi, effects[2].Measure = 0.01, evidence.MeasureRR
	_, err = evidence.Pool(effects, evidence.PoolOptions{MaxIter: 1})
	fmt.Println(errors.Is(err, evidence.ErrNotConverged))
	// Output:
	// effects[1].vi (range): must be positive, got 0
	// effects[2].measure (inconsistent): or differs from the measure of effects[0] (rr)
	// true
}

// The log risk ratio of one trial, and its back-transformed interval.
func ExampleRiskRatio() {
	// Aronson 1948: 4 of 123 vaccinated and 11 of 139 controls developed TB.
	e, err := evidence.RiskRatio(evidence.TwoByTwo{A: 4, B: 119, C: 11, D: 128})
	if err != nil {
		fmt.Println(err)
		return
	}
	ci, err := e.CI(0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	rr := ci.BackTransform(e.Measure)
	fmt.Printf("yi %.4f, vi %.4f\n", e.Yi, e.Vi)
	fmt.Printf("RR %.2f [%.2f, %.2f]\n", e.Measure.BackTransform(e.Yi), rr.Lower, rr.Upper)
	// Output:
	// yi -0.8893, vi 0.3256
	// RR 0.41 [0.13, 1.26]
}

// A hazard ratio reported as 0.72 (95 % CI 0.55 to 0.94) enters a
// meta-analysis through its log and the standard error implied by the
// interval.
func ExampleFromReported() {
	e, err := evidence.FromReported(evidence.MeasureHR, 0.72, 0.55, 0.94, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: yi %.4f, SE %.4f\n", e.Measure, e.Yi, e.SE())

	// Bounds swapped by mistake.
	_, err = evidence.FromReported(evidence.MeasureHR, 0.72, 0.94, 0.55, 0.95)
	printProblems(err)
	// Output:
	// hr: yi -0.3285, SE 0.1367
	// upper (inconsistent): must be greater than lower (0.94), got 0.55
}

// printProblems prints the path, code and message of each problem in err.
func printProblems(err error) {
	ve, ok := secretome.AsValidationError(err)
	if !ok {
		fmt.Println(err)
		return
	}
	for _, p := range ve.Problems {
		fmt.Printf("%s (%s): %s\n", p.Path, p.Code, p.Message)
	}
}

// Hedges' g of a small trial, with the exact small-sample correction.
func ExampleStandardisedMeanDifference() {
	e, err := evidence.StandardisedMeanDifference(evidence.Continuous{
		M1: 5.2, SD1: 1.1, N1: 10,
		M2: 4.5, SD2: 1.3, N2: 12,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("g %.4f, vi %.4f\n", e.Yi, e.Vi)

	// Every problem is reported, each naming its field.
	_, err = evidence.StandardisedMeanDifference(evidence.Continuous{M1: 5.2, SD1: 0, N1: 10, M2: 4.5, SD2: 1.3, N2: 1})
	printProblems(err)
	// Output:
	// g 0.5546, vi 0.1903
	// n2 (range): must be at least 2, got 1
	// sd1 (range): must be positive, got 0
}
