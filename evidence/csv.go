package evidence

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/openregen/secretomekit/secretome"
)

// Table is a study table read by ReadTable: one row per study, columns
// named as in metafor (ai, bi, ci, di, n1i, n2i for 2×2 counts; m1i, sd1i,
// n1i, m2i, sd2i, n2i for means; yi, vi for computed effects), plus any
// moderators and a study label.
//
// A Table holds the cells as text; Effects, Counts, Moderator and Labels
// interpret them, reporting every bad cell by row, line and column.
type Table struct {
	// Columns are the header names, in file order.
	Columns []string
	// Rows holds the cells of each data row, in the order of Columns.
	Rows  [][]string
	lines []int // 1-based line of each row
}

// maxTableBytes bounds the size of a table read by ReadTable.
const maxTableBytes = 64 << 20

// ReadTable reads a study table from CSV: a header row, then one row per
// study, every row with as many cells as the header. Header names are
// trimmed and must be distinct and non-empty; rows that are entirely empty
// are an error, not skipped. A leading UTF-8 byte order mark is ignored.
// Malformed CSV, a ragged row, duplicate column names and input over
// 64 MiB are errors that name the line.
func ReadTable(r io.Reader) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxTableBytes+1))
	if err != nil {
		return nil, err
	}
	var ps secretome.Problems
	if len(data) > maxTableBytes {
		ps.Add("", secretome.SeverityError, secretome.CodeTooLarge, "the table is larger than %d bytes", maxTableBytes)
		return nil, ps.Err()
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	t := &Table{}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.Line
				err = pe.Err
			}
			ps.Append(secretome.Problem{Path: "", Code: secretome.CodeSyntax, Severity: secretome.SeverityError,
				Message: fmt.Sprintf("line %d: malformed CSV: %v", line, err), Line: line})
			return nil, ps.Err()
		}
		line, _ := cr.FieldPos(0)
		if t.Columns == nil {
			t.Columns = make([]string, len(rec))
			for i, c := range rec {
				c = strings.TrimSpace(c)
				t.Columns[i] = c
				switch {
				case c == "":
					ps.Append(cellProblem(line, i+1, "header", secretome.CodeRequired, "column %d of the header has no name", i+1))
				case slices.Index(t.Columns[:i], c) >= 0:
					ps.Append(cellProblem(line, i+1, "header", secretome.CodeDuplicate, "column %q appears twice in the header", c))
				}
			}
			continue
		}
		if len(rec) != len(t.Columns) {
			ps.Append(cellProblem(line, 0, fmt.Sprintf("rows[%d]", len(t.Rows)), secretome.CodeInconsistent,
				"row %d (line %d) has %d cells, the header has %d", len(t.Rows)+1, line, len(rec), len(t.Columns)))
		}
		t.Rows = append(t.Rows, rec)
		t.lines = append(t.lines, line)
	}
	if t.Columns == nil {
		ps.Add("", secretome.SeverityError, secretome.CodeRequired, "the table is empty: it needs a header row and at least one study")
	} else if len(t.Rows) == 0 && ps.Len() == 0 {
		ps.Add("", secretome.SeverityError, secretome.CodeRequired, "the table has a header but no studies")
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

func cellProblem(line, col int, path string, code secretome.Code, format string, args ...any) secretome.Problem {
	return secretome.Problem{Path: path, Code: code, Severity: secretome.SeverityError, Message: fmt.Sprintf(format, args...), Line: line, Column: col}
}

// Has reports whether the table has the named column.
func (t *Table) Has(name string) bool { return slices.Contains(t.Columns, name) }

// cell returns the trimmed text of a cell.
func (t *Table) cell(row, col int) string {
	if col >= len(t.Rows[row]) {
		return ""
	}
	return strings.TrimSpace(t.Rows[row][col])
}

// numbers reads a numeric column, reporting each bad cell.
func (t *Table) numbers(name string, ps *secretome.Problems) []float64 {
	c := slices.Index(t.Columns, name)
	if c < 0 {
		ps.Add(name, secretome.SeverityError, secretome.CodeRequired, "the table has no column %q", name)
		return nil
	}
	out := make([]float64, len(t.Rows))
	for i := range t.Rows {
		s := t.cell(i, c)
		v, err := strconv.ParseFloat(s, 64)
		switch {
		case s == "":
			ps.Append(cellProblem(t.lines[i], c+1, fmt.Sprintf("rows[%d].%s", i, name), secretome.CodeRequired,
				"row %d (line %d), column %q: the cell is empty", i+1, t.lines[i], name))
		case err != nil || math.IsNaN(v) || math.IsInf(v, 0):
			ps.Append(cellProblem(t.lines[i], c+1, fmt.Sprintf("rows[%d].%s", i, name), secretome.CodeNumber,
				"row %d (line %d), column %q: %q is not a finite number", i+1, t.lines[i], name, s))
		}
		out[i] = v
	}
	return out
}

// cellError reports a bad value found while interpreting row i.
func (t *Table) cellError(ps *secretome.Problems, i int, name string, err error) {
	c := slices.Index(t.Columns, name)
	msgs := []string{err.Error()}
	if ve, ok := secretome.AsValidationError(err); ok {
		msgs = msgs[:0]
		for _, p := range ve.Problems {
			msgs = append(msgs, p.Path+": "+p.Message)
		}
	}
	ps.Append(cellProblem(t.lines[i], c+1, fmt.Sprintf("rows[%d].%s", i, name), secretome.CodeRange,
		"row %d (line %d): %s", i+1, t.lines[i], strings.Join(msgs, "; ")))
}

// Counts reads the 2×2 tables of the rows from the columns ai, ci and
// either bi and di or n1i and n2i (bi = n1i − ai, di = n2i − ci).
func (t *Table) Counts() ([]TwoByTwo, error) {
	var ps secretome.Problems
	a := t.numbers("ai", &ps)
	c := t.numbers("ci", &ps)
	var b, d []float64
	fromN := !t.Has("bi") && t.Has("n1i")
	if fromN {
		n1 := t.numbers("n1i", &ps)
		n2 := t.numbers("n2i", &ps)
		if ps.Len() == 0 {
			b, d = make([]float64, len(a)), make([]float64, len(a))
			for i := range a {
				b[i], d[i] = n1[i]-a[i], n2[i]-c[i]
			}
		}
	} else {
		b = t.numbers("bi", &ps)
		d = t.numbers("di", &ps)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	out := make([]TwoByTwo, len(a))
	for i := range a {
		tb := TwoByTwo{A: a[i], B: b[i], C: c[i], D: d[i]}
		if _, err := tb.corrected(); err != nil {
			col := "ai"
			if fromN {
				col = "n1i"
			}
			t.cellError(&ps, i, col, err)
		}
		out[i] = tb
	}
	return out, ps.Err()
}

// Effects computes one effect per row for the measure:
//
//   - with columns yi and vi, the effects are taken as they are (the
//     measure only labels them);
//   - for rr, or and rd, from the 2×2 counts (see Counts) with
//     RiskRatio, OddsRatio or RiskDifference;
//   - for md and smd, from m1i, sd1i, n1i, m2i, sd2i and n2i with
//     MeanDifference or StandardisedMeanDifference.
//
// Labels come from Labels. Every bad cell is reported, by row, line and
// column.
func (t *Table) Effects(m Measure) ([]Effect, error) {
	var ps secretome.Problems
	if !m.valid() {
		ps.Add("measure", secretome.SeverityError, secretome.CodeEnum, "unknown measure %d (want one of %s)", uint8(m), strings.Join(measureNames[1:], ", "))
		return nil, ps.Err()
	}
	labels := t.Labels()
	out := make([]Effect, len(t.Rows))
	switch {
	case t.Has("yi") && t.Has("vi"):
		y := t.numbers("yi", &ps)
		v := t.numbers("vi", &ps)
		if err := ps.Err(); err != nil {
			return nil, err
		}
		for i := range out {
			out[i] = Effect{Measure: m, Yi: y[i], Vi: v[i], Label: labels[i]}
		}
	case m == MeasureRR || m == MeasureOR || m == MeasureRD:
		counts, err := t.Counts()
		if err != nil {
			return nil, err
		}
		f := map[Measure]func(TwoByTwo) (Effect, error){MeasureRR: RiskRatio, MeasureOR: OddsRatio, MeasureRD: RiskDifference}[m]
		for i, c := range counts {
			e, err := f(c)
			if err != nil {
				t.cellError(&ps, i, "ai", err)
			}
			e.Label = labels[i]
			out[i] = e
		}
	case m == MeasureMD || m == MeasureSMD:
		var cols [6][]float64
		for j, name := range [...]string{"m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i"} {
			cols[j] = t.numbers(name, &ps)
		}
		if err := ps.Err(); err != nil {
			return nil, err
		}
		f := MeanDifference
		if m == MeasureSMD {
			f = StandardisedMeanDifference
		}
		for i := range out {
			e, err := f(Continuous{M1: cols[0][i], SD1: cols[1][i], N1: cols[2][i], M2: cols[3][i], SD2: cols[4][i], N2: cols[5][i]})
			if err != nil {
				t.cellError(&ps, i, "m1i", err)
			}
			e.Label = labels[i]
			out[i] = e
		}
	default:
		ps.Add("measure", secretome.SeverityError, secretome.CodeRequired, "the table needs columns yi and vi for measure %s", m)
	}
	if err := ps.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// labelColumns are the columns Labels looks for, in order.
var labelColumns = [...]string{"slab", "label", "study", "author", "trial"}

// Labels returns a label per row from the first of the columns slab,
// label, study, author and trial that the table has (with author, the
// year is appended when there is a year column, as "Aronson, 1948"), or
// "Study 1", "Study 2", … when it has none.
func (t *Table) Labels() []string {
	out := make([]string, len(t.Rows))
	col := -1
	var name string
	for _, n := range labelColumns {
		if c := slices.Index(t.Columns, n); c >= 0 {
			col, name = c, n
			break
		}
	}
	year := slices.Index(t.Columns, "year")
	for i := range out {
		switch {
		case col < 0:
			out[i] = fmt.Sprintf("Study %d", i+1)
		case name == "author" && year >= 0:
			out[i] = t.cell(i, col) + ", " + t.cell(i, year)
		default:
			out[i] = t.cell(i, col)
		}
	}
	return out
}

// Moderator reads the named column as a moderator: numeric when every
// cell is a finite number, categorical (its text levels) otherwise, or
// always categorical when categorical is true. Empty cells are an error.
func (t *Table) Moderator(name string, categorical bool) (Moderator, error) {
	var ps secretome.Problems
	c := slices.Index(t.Columns, name)
	if c < 0 {
		ps.Add(name, secretome.SeverityError, secretome.CodeRequired, "the table has no column %q (it has %s)", name, strings.Join(t.Columns, ", "))
		return Moderator{}, ps.Err()
	}
	levels := make([]string, len(t.Rows))
	for i := range t.Rows {
		levels[i] = t.cell(i, c)
		if levels[i] == "" {
			ps.Append(cellProblem(t.lines[i], c+1, fmt.Sprintf("rows[%d].%s", i, name), secretome.CodeRequired,
				"row %d (line %d), column %q: the cell is empty", i+1, t.lines[i], name))
		}
	}
	if err := ps.Err(); err != nil {
		return Moderator{}, err
	}
	if !categorical {
		vals := make([]float64, len(levels))
		numeric := true
		for i, s := range levels {
			v, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				numeric = false
				break
			}
			vals[i] = v
		}
		if numeric {
			return Moderator{Name: name, Values: vals}, nil
		}
	}
	return Moderator{Name: name, Levels: levels}, nil
}
