package evidence

// Distribution functions needed by the meta-analysis: the standard normal,
// Student's t and the chi-square upper tail. They use only the standard
// library. Upper-tail versions are provided where a caller needs small
// tail probabilities to full relative precision (p-values, critical values
// for confidence levels close to 1).

import "math"

// normCDF returns P(Z <= x) for a standard normal Z.
func normCDF(x float64) float64 { return 0.5 * math.Erfc(-x/math.Sqrt2) }

// normUpper returns P(Z > x), accurate in the far upper tail.
func normUpper(x float64) float64 { return 0.5 * math.Erfc(x/math.Sqrt2) }

// normQuantile returns x with P(Z <= x) = p, using Wichura's algorithm
// AS 241 (PPND16), which is accurate to about 1e-16 relative. It returns
// -Inf for p = 0, +Inf for p = 1 and NaN outside [0, 1].
func normQuantile(p float64) float64 {
	switch {
	case math.IsNaN(p) || p < 0 || p > 1:
		return math.NaN()
	case p == 0:
		return math.Inf(-1)
	case p == 1:
		return math.Inf(1)
	}
	q := p - 0.5
	if math.Abs(q) <= 0.425 {
		r := 0.180625 - q*q
		num := ((((((2.5090809287301226727e+3*r+3.3430575583588128105e+4)*r+
			6.7265770927008700853e+4)*r+4.5921953931549871457e+4)*r+
			1.3731693765509461125e+4)*r+1.9715909503065514427e+3)*r+
			1.3314166789178437745e+2)*r + 3.3871328727963666080e+0
		den := ((((((5.2264952788528545610e+3*r+2.8729085735721942674e+4)*r+
			3.9307895800092710610e+4)*r+2.1213794301586595867e+4)*r+
			5.3941960214247511077e+3)*r+6.8718700749205790830e+2)*r+
			4.2313330701600911252e+1)*r + 1
		return q * num / den
	}
	r := p
	if q > 0 {
		r = 1 - p
	}
	r = math.Sqrt(-math.Log(r))
	var x float64
	if r <= 5 {
		r -= 1.6
		num := ((((((7.74545014278341407640e-4*r+2.27238449892691845833e-2)*r+
			2.41780725177450611770e-1)*r+1.27045825245236838258e+0)*r+
			3.64784832476320460504e+0)*r+5.76949722146069140550e+0)*r+
			4.63033784615654529590e+0)*r + 1.42343711074968357734e+0
		den := ((((((1.05075007164441684324e-9*r+5.47593808499534494600e-4)*r+
			1.51986665636164571966e-2)*r+1.48103976427480074590e-1)*r+
			6.89767334985100004550e-1)*r+1.67638483018380384940e+0)*r+
			2.05319162663775882187e+0)*r + 1
		x = num / den
	} else {
		r -= 5
		num := ((((((2.01033439929228813265e-7*r+2.71155556874348757815e-5)*r+
			1.24266094738807843860e-3)*r+2.65321895265761230930e-2)*r+
			2.96560571828504891230e-1)*r+1.78482653991729133580e+0)*r+
			5.46378491116411436990e+0)*r + 6.65790464350110377720e+0
		den := ((((((2.04426310338993978564e-15*r+1.42151175831644588870e-7)*r+
			1.84631831751005468180e-5)*r+7.86869131145613259100e-4)*r+
			1.48753612908506148525e-2)*r+1.36929880922735805310e-1)*r+
			5.99832206555887937690e-1)*r + 1
		x = num / den
	}
	if q < 0 {
		return -x
	}
	return x
}

// normCritical returns the two-sided critical value z with P(|Z| > z) =
// alpha, computed from alpha itself so that alpha close to 0 keeps its
// precision.
func normCritical(alpha float64) float64 { return -normQuantile(alpha / 2) }

// tUpper returns P(T > t) for Student's t with df > 0 degrees of freedom.
// It uses the regularized incomplete beta function, so the result keeps its
// relative precision far into the tail.
func tUpper(t, df float64) float64 {
	switch {
	case math.IsNaN(t) || math.IsNaN(df) || df <= 0:
		return math.NaN()
	case math.IsInf(t, 1):
		return 0
	case math.IsInf(t, -1):
		return 1
	case math.IsInf(df, 1):
		return normUpper(t)
	}
	// P(|T| > |t|) = I_x(df/2, 1/2) with x = df/(df+t²). Both x and 1−x
	// are passed on exactly, so that neither form loses precision.
	t2 := t * t
	tail := regIncBeta(df/(df+t2), t2/(df+t2), df/2, 0.5)
	if t >= 0 {
		return tail / 2
	}
	return 1 - tail/2
}

// tCDF returns P(T <= t) for Student's t with df degrees of freedom.
func tCDF(t, df float64) float64 { return tUpper(-t, df) }

// tQuantileUpper returns t with P(T > t) = q, for 0 < q < 1 and df > 0.
// It uses closed forms for df = 1 and 2. Otherwise it starts from a
// Cornish-Fisher expansion and solves ln P(T > e^s) = ln q for s = ln t by
// Newton steps, safeguarded by bisection once the root is bracketed. On
// the log-log scale the tail is nearly straight, so a few steps reach
// about 1e-14 relative accuracy even far in the tail.
func tQuantileUpper(q, df float64) float64 {
	switch {
	case math.IsNaN(q) || math.IsNaN(df) || q < 0 || q > 1 || df <= 0:
		return math.NaN()
	case q == 0:
		return math.Inf(1)
	case q == 1:
		return math.Inf(-1)
	case q == 0.5:
		return 0
	case math.IsInf(df, 1):
		return -normQuantile(q)
	case q > 0.5:
		return -tQuantileUpper(1-q, df)
	}
	if df == 1 {
		return 1 / math.Tan(math.Pi*q)
	}
	if df == 2 {
		// P(T > t) = (1 − t/sqrt(2+t²))/2 inverts in closed form.
		return 2 * (0.5 - q) * math.Sqrt(2/(4*q*(1-q)))
	}
	z := -normQuantile(q)
	z2 := z * z
	t := z + z*(z2+1)/(4*df) + z*((5*z2+16)*z2+3)/(96*df*df) +
		z*(((3*z2+19)*z2+17)*z2-15)/(384*df*df*df)
	if !(t > 0) || math.IsInf(t, 1) {
		t = z
	}
	lq := math.Log(q)
	lg1, _ := math.Lgamma((df + 1) / 2)
	lg2, _ := math.Lgamma(df / 2)
	logK := lg1 - lg2 - 0.5*math.Log(df*math.Pi) // log density at 0
	s := math.Log(t)
	lo, hi := math.Inf(-1), math.Inf(1)
	for range 200 {
		t = math.Exp(s)
		p := tUpper(t, df)
		var f float64
		if p > 0 {
			f = math.Log(p) - lq
		} else {
			f = math.Inf(-1)
		}
		if f == 0 {
			return t
		}
		if f > 0 {
			lo = s
		} else {
			hi = s
		}
		next := math.NaN()
		if p > 0 {
			// d ln P / d s = −t·density(t)/P.
			logDens := logK - (df+1)/2*math.Log1p(t*t/df)
			slope := -math.Exp(s + logDens - math.Log(p))
			next = s - f/slope
		}
		if !(next > lo && next < hi) {
			switch {
			case math.IsInf(hi, 1):
				next = s + 1
			case math.IsInf(lo, -1):
				next = s - 1
			default:
				next = (lo + hi) / 2
			}
		}
		if math.Abs(next-s) <= 1e-14 {
			return math.Exp(next)
		}
		s = next
	}
	return math.Exp(s)
}

// tCritical returns the two-sided critical value t with P(|T| > t) = alpha.
func tCritical(alpha, df float64) float64 { return tQuantileUpper(alpha/2, df) }

// chi2Upper returns P(X > x) for a chi-square X with df > 0 degrees of
// freedom: the regularized upper incomplete gamma Q(df/2, x/2).
func chi2Upper(x, df float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(df) || df <= 0:
		return math.NaN()
	case x <= 0:
		return 1
	case math.IsInf(x, 1):
		return 0
	}
	return regGammaUpper(df/2, x/2)
}

// regGammaUpper returns Q(a, x) = Γ(a, x)/Γ(a) for a > 0, x > 0. Below
// x = a+1 it sums the series for P and returns 1-P; above, it evaluates
// the continued fraction for Q directly (modified Lentz), which keeps the
// relative precision of tiny tails.
func regGammaUpper(a, x float64) float64 {
	lga, _ := math.Lgamma(a)
	logPrefix := -x + a*math.Log(x) - lga
	if x < a+1 {
		sum, term := 1/a, 1/a
		for n := 1; n < 10000; n++ {
			term *= x / (a + float64(n))
			sum += term
			if math.Abs(term) < math.Abs(sum)*1e-17 {
				break
			}
		}
		return 1 - sum*math.Exp(logPrefix)
	}
	const tiny = 1e-300
	b := x + 1 - a
	c := 1 / tiny
	d := 1 / b
	h := d
	for n := 1; n < 10000; n++ {
		an := -float64(n) * (float64(n) - a)
		b += 2
		d = an*d + b
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = b + an/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		delta := d * c
		h *= delta
		if math.Abs(delta-1) < 4e-16 {
			break
		}
	}
	return math.Exp(logPrefix) * h
}

// regIncBeta returns the regularized incomplete beta function I_x(a, b)
// for a, b > 0 and 0 <= x <= 1, given x and y = 1 − x computed
// separately by the caller (so that neither loses precision). It evaluates
// the continued fraction of the beta function (modified Lentz), switching
// to 1 − I_y(b, a) where the fraction converges slowly; the switch happens
// only where the result is near 1, so a small result keeps its relative
// precision.
func regIncBeta(x, y, a, b float64) float64 {
	switch {
	case x <= 0:
		return 0
	case y <= 0:
		return 1
	}
	if x > (a+1)/(a+b+2) {
		return 1 - regIncBeta(y, x, b, a)
	}
	lab, _ := math.Lgamma(a + b)
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	front := math.Exp(lab-la-lb+a*math.Log(x)+b*math.Log(y)) / a
	return front * betaFraction(x, a, b)
}

// betaFraction evaluates the continued fraction for the incomplete beta
// function with the modified Lentz method.
func betaFraction(x, a, b float64) float64 {
	const tiny = 1e-300
	c := 1.0
	d := 1 - (a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m < 10000; m++ {
		fm := float64(m)
		// Even step.
		num := fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		h *= d * c
		// Odd step.
		num = -(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1))
		d = 1 + num*d
		if math.Abs(d) < tiny {
			d = tiny
		}
		c = 1 + num/c
		if math.Abs(c) < tiny {
			c = tiny
		}
		d = 1 / d
		delta := d * c
		h *= delta
		if math.Abs(delta-1) < 4e-16 {
			break
		}
	}
	return h
}
