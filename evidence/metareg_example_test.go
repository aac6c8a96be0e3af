package evidence_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/secretome"
)

// bcgCSV is metafor's dat.bcg under metafor's column names.
const bcgCSV = `trial,author,year,ai,bi,ci,di,ablat,alloc
1,Aronson,1948,4,119,11,128,44,random
2,Ferguson & Simes,1949,6,300,29,274,55,random
3,Rosenthal et al,1960,3,228,11,209,42,random
4,Hart & Sutherland,1977,62,13536,248,12619,52,random
5,Frimodt-Moller et al,1973,33,5036,47,5761,13,alternate
6,Stein & Aronson,1953,180,1361,372,1079,44,alternate
7,Vandiviere et al,1973,8,2537,10,619,19,random
8,TPT Madras,1980,505,87886,499,87892,13,random
9,Coetzee & Berjak,1968,29,7470,45,7232,27,random
10,Rosenthal et al,1961,17,1699,65,1600,42,systematic
11,Comstock et al,1974,186,50448,141,27197,18,systematic
12,Comstock & Webster,1969,5,2493,3,2338,33,systematic
13,Comstock et al,1976,27,16886,29,17825,33,systematic
`

// A meta-regression of the BCG trials on absolute latitude and the method
// of allocation, as rma(yi, vi, mods = ~ ablat + alloc, data = dat) does.
func ExampleFit() {
	tab, err := evidence.ReadTable(strings.NewReader(bcgCSV))
	if err != nil {
		fmt.Println(err)
		return
	}
	effects, err := tab.Effects(evidence.MeasureRR)
	if err != nil {
		fmt.Println(err)
		return
	}
	ablat, _ := tab.Moderator("ablat", false)
	alloc, _ := tab.Moderator("alloc", false)
	m, err := evidence.Fit(effects, []evidence.Moderator{ablat, alloc}, evidence.FitOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, c := range m.Coefficients {
		fmt.Printf("%-16s %8.4f (SE %.4f)\n", c.Name, c.Estimate, c.SE)
	}
	fmt.Printf("tau² %.4f, QM(df = %d) = %.3f, R² %.2f%%\n", m.Tau2, m.QMDF, m.QM, m.R2)
	// Output:
	// intrcpt            0.2932 (SE 0.4050)
	// ablat             -0.0273 (SE 0.0092)
	// allocrandom       -0.2675 (SE 0.3504)
	// allocsystematic    0.0585 (SE 0.3795)
	// tau² 0.1446, QM(df = 3) = 11.061, R² 53.84%
}

// Heterogeneity intervals, Egger's test and trim-and-fill for the BCG
// trials pooled by REML.
func ExampleModel_TrimFill() {
	tab, _ := evidence.ReadTable(strings.NewReader(bcgCSV))
	effects, _ := tab.Effects(evidence.MeasureRR)
	m, err := evidence.Fit(effects, nil, evidence.FitOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ci, _ := m.ConfInt()
	fmt.Printf("tau² %.4f [%.4f, %.4f], I² %.2f%% [%.2f%%, %.2f%%]\n", ci.Tau2.Estimate, ci.Tau2.Lower, ci.Tau2.Upper, ci.I2.Estimate, ci.I2.Lower, ci.I2.Upper)
	reg, _ := m.RegTest()
	fmt.Printf("Egger: z = %.4f, p = %.4f\n", reg.Statistic, reg.P)
	tf, err := m.TrimFill(evidence.TrimFillOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d study filled on the %s, estimate %.4f\n", tf.K0, tf.Side, tf.Model.Estimate().Estimate)
	// Output:
	// tau² 0.3132 [0.1197, 1.1115], I² 92.22% [81.92%, 97.68%]
	// Egger: z = -0.8033, p = 0.4218
	// 1 study filled on the right, estimate -0.6571
}

// The Mantel-Haenszel odds ratio of the BCG trials, as rma.mh computes it.
func ExampleMantelHaenszel() {
	tab, _ := evidence.ReadTable(strings.NewReader(bcgCSV))
	tables, err := tab.Counts()
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := evidence.MantelHaenszel(tables, evidence.MeasureOR, 0.95)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("log OR %.4f (SE %.4f), Q(df = %d) = %.4f, CMH %.4f, Tarone %.4f\n", r.Estimate, r.SE, r.QEDF, r.QE, r.MH, r.TA)
	// Output:
	// log OR -0.4734 (SE 0.0410), Q(df = 12) = 163.9426, CMH 135.6889, Tarone 171.7567
}

// A bad cell is reported with its row, line and column; a caller can list
// every problem.
func ExampleReadTable_errors() {
	tab, err := evidence.ReadTable(strings.NewReader("study,yi,vi\nA,0.2,0.04\nB,n/a,0.05\nC,0.1,\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = tab.Effects(evidence.MeasureMD)
	var ve *secretome.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("line %d, column %d: %s\n", p.Line, p.Column, p.Message)
		}
	}
	// Output:
	// line 3, column 2: row 2 (line 3), column "yi": "n/a" is not a finite number
	// line 4, column 3: row 3 (line 4), column "vi": the cell is empty
}
