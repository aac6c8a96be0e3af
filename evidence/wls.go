package evidence

// Weighted least squares for meta-regression. A fit for the weights w
// factorises W^½X = Q·R by modified Gram-Schmidt with one
// reorthogonalisation pass, so that every quantity metafor takes from the
// k×k matrix P = W − WX(X'WX)⁻¹X'W is obtained in O(k·p²) without forming
// P: with qᵢ the i-th row of Q and hᵢ = |qᵢ|² the hat values,
//
//	Pᵢⱼ = √(wᵢwⱼ)·(δᵢⱼ − qᵢ·qⱼ)
//	Y'PY = Σ wᵢeᵢ², Y'PPY = Σ wᵢ²eᵢ², tr(P) = Σ wᵢ(1 − hᵢ)
//	Σᵢⱼ aᵢbⱼPᵢⱼ² = Σ aᵢbᵢwᵢ²(1 − 2hᵢ) + tr(M_a·M_b), M_a = Σ aᵢwᵢqᵢqᵢ'
//
// with e = y − Xb the residuals of the weighted fit.

import "math"

// design holds the data of a meta-regression: k outcomes y with sampling
// variances v and the k×p model matrix X stored by column.
type design struct {
	y, v []float64
	x    [][]float64 // p columns of length k
	k, p int
}

// intercept returns the design of an intercept-only model.
func interceptDesign(y, v []float64) *design {
	one := make([]float64, len(y))
	for i := range one {
		one[i] = 1
	}
	return &design{y: y, v: v, x: [][]float64{one}, k: len(y), p: 1}
}

// wls is a weighted least-squares fit; its buffers are reused between fits
// of the same design.
type wls struct {
	d    *design
	w    []float64 // weights
	q    []float64 // k×p, row-major: row i is qᵢ
	r    []float64 // p×p upper triangular, row-major
	b    []float64 // coefficients
	e    []float64 // residuals y − Xb
	h    []float64 // hat values |qᵢ|²
	col  []float64 // scratch column
	rss  float64   // Σ w e² = Y'PY
	rssP float64   // Σ w² e² = Y'PPY
	trP  float64   // Σ w (1 − h)
	sw   float64   // Σ w
	sw2  float64   // Σ w²
}

func newWLS(d *design) *wls {
	k, p := d.k, d.p
	return &wls{
		d: d, w: make([]float64, k), q: make([]float64, k*p), r: make([]float64, p*p),
		b: make([]float64, p), e: make([]float64, k), h: make([]float64, k), col: make([]float64, k),
	}
}

// fitTau2 fits with weights 1/(vᵢ + tau2).
func (f *wls) fitTau2(tau2 float64) {
	for i, v := range f.d.v {
		f.w[i] = 1 / (v + tau2)
	}
	f.fit()
}

// fitUnit fits with unit weights (ordinary least squares).
func (f *wls) fitUnit() {
	for i := range f.w {
		f.w[i] = 1
	}
	f.fit()
}

// fit computes the factorisation and the derived sums for the weights in
// f.w.
func (f *wls) fit() {
	d, k, p := f.d, f.d.k, f.d.p
	clear(f.r)
	for j := 0; j < p; j++ {
		c := f.col
		for i := 0; i < k; i++ {
			c[i] = math.Sqrt(f.w[i]) * d.x[j][i]
		}
		for range 2 {
			for l := 0; l < j; l++ {
				var dot float64
				for i := 0; i < k; i++ {
					dot += f.q[i*p+l] * c[i]
				}
				f.r[l*p+j] += dot
				for i := 0; i < k; i++ {
					c[i] -= dot * f.q[i*p+l]
				}
			}
		}
		var n2 float64
		for _, x := range c {
			n2 += x * x
		}
		n := math.Sqrt(n2)
		f.r[j*p+j] = n
		for i := 0; i < k; i++ {
			f.q[i*p+j] = c[i] / n
		}
	}
	// b = R⁻¹ Q'(W^½ y).
	for j := 0; j < p; j++ {
		var s float64
		for i := 0; i < k; i++ {
			s += f.q[i*p+j] * math.Sqrt(f.w[i]) * d.y[i]
		}
		f.b[j] = s
	}
	for j := p - 1; j >= 0; j-- {
		s := f.b[j]
		for l := j + 1; l < p; l++ {
			s -= f.r[j*p+l] * f.b[l]
		}
		f.b[j] = s / f.r[j*p+j]
	}
	f.rss, f.rssP, f.trP, f.sw, f.sw2 = 0, 0, 0, 0, 0
	for i := 0; i < k; i++ {
		fit := 0.0
		var h float64
		for j := 0; j < p; j++ {
			fit += d.x[j][i] * f.b[j]
			h += f.q[i*p+j] * f.q[i*p+j]
		}
		e := d.y[i] - fit
		w := f.w[i]
		f.e[i], f.h[i] = e, h
		f.rss += w * e * e
		f.rssP += w * w * e * e
		f.trP += w * (1 - h)
		f.sw += w
		f.sw2 += w * w
	}
}

// sumP2 returns Σᵢⱼ aᵢbⱼPᵢⱼ²; a nil vector stands for all ones.
func (f *wls) sumP2(a, b []float64) float64 {
	k, p := f.d.k, f.d.p
	at := func(v []float64, i int) float64 {
		if v == nil {
			return 1
		}
		return v[i]
	}
	ma := make([]float64, p*p)
	mb := make([]float64, p*p)
	var diag float64
	for i := 0; i < k; i++ {
		w := f.w[i]
		ai, bi := at(a, i), at(b, i)
		diag += ai * bi * w * w * (1 - 2*f.h[i])
		for r := 0; r < p; r++ {
			qr := f.q[i*p+r]
			for c := 0; c < p; c++ {
				qq := qr * f.q[i*p+c]
				ma[r*p+c] += ai * w * qq
				mb[r*p+c] += bi * w * qq
			}
		}
	}
	var tr float64
	for r := 0; r < p; r++ {
		for c := 0; c < p; c++ {
			tr += ma[r*p+c] * mb[c*p+r]
		}
	}
	return diag + tr
}

// vb returns (X'WX)⁻¹ = R⁻¹R⁻ᵀ, p×p row-major.
func (f *wls) vb() []float64 {
	p := f.d.p
	// Rinv, upper triangular.
	ri := make([]float64, p*p)
	for j := 0; j < p; j++ {
		ri[j*p+j] = 1 / f.r[j*p+j]
		for i := j - 1; i >= 0; i-- {
			var s float64
			for l := i + 1; l <= j; l++ {
				s += f.r[i*p+l] * ri[l*p+j]
			}
			ri[i*p+j] = -s / f.r[i*p+i]
		}
	}
	out := make([]float64, p*p)
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			var s float64
			for l := max(i, j); l < p; l++ {
				s += ri[i*p+l] * ri[j*p+l]
			}
			out[i*p+j] = s
		}
	}
	return out
}

// logDetXWX returns ln det(X'WX) = 2 Σ ln Rⱼⱼ.
func (f *wls) logDetXWX() float64 {
	var s float64
	for j := 0; j < f.d.p; j++ {
		s += math.Log(f.r[j*f.d.p+j])
	}
	return 2 * s
}

// checkRank reports the first column of X that is (numerically) a linear
// combination of the columns before it, or −1 when X has full column rank.
// As metafor's rank check, it is scale-free: a column counts as redundant
// when less than 1e-7 of its length lies outside the span of the earlier
// columns.
func (d *design) checkRank() int {
	f := newWLS(d)
	for i := range f.w {
		f.w[i] = 1
	}
	k, p := d.k, d.p
	for j := 0; j < p; j++ {
		c := f.col
		var n0 float64
		for i := 0; i < k; i++ {
			c[i] = d.x[j][i]
			n0 += c[i] * c[i]
		}
		for range 2 {
			for l := 0; l < j; l++ {
				var dot float64
				for i := 0; i < k; i++ {
					dot += f.q[i*p+l] * c[i]
				}
				for i := 0; i < k; i++ {
					c[i] -= dot * f.q[i*p+l]
				}
			}
		}
		var n2 float64
		for _, x := range c {
			n2 += x * x
		}
		if !(n2 > 1e-14*n0) || n0 == 0 {
			return j
		}
		n := math.Sqrt(n2)
		for i := 0; i < k; i++ {
			f.q[i*p+j] = c[i] / n
		}
	}
	return -1
}
