package regulation

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/openregen/secretomekit/message"
	"github.com/openregen/secretomekit/secretome"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestFindingJSONKeepsEveryField checks that a finding with every exported
// field set comes back from its JSON form unchanged, so that a field added
// to Finding but not to its JSON form fails here rather than vanishing
// from reports in silence.
func TestFindingJSONKeepsEveryField(t *testing.T) {
	use := 2
	f := Finding{
		RuleID:       "ID-TEST",
		Jurisdiction: "ID",
		Severity:     secretome.SeverityWarning,
		Path:         "uses[2].setting",
		Message:      message.New("report.invalid_paths", message.New("quality.nat"), message.And{message.Text("product")}),
		Citation:     &Citation{Instrument: "An instrument", Number: "No. 1", Article: "Art. 2", URL: "https://example.org/1", CheckedOn: secretome.MustParseDate("2026-11-30")},
		Provenance:   ProvenanceSecondary,
		Use:          &use,
		Line:         12,
		Column:       7,
		InvalidPaths: []string{"uses[2].class"},
		Waiver:       &Waiver{ID: "W-1", Reason: "agreed", ApprovedBy: "QA", Expires: secretome.MustParseDate("2027-01-31")},
	}
	v := reflect.ValueOf(f)
	for i := range v.NumField() {
		if v.Type().Field(i).IsExported() {
			require.False(t, v.Field(i).IsZero(), "the test sets Finding.%s", v.Type().Field(i).Name)
		}
	}
	b, err := json.Marshal(f)
	require.NoError(t, err)
	var back Finding
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, f, back, "%s", b)
}

// TestReportDiffLocalize checks that a localized diff renders its findings
// in the language asked for and leaves the diff it came from in English.
func TestReportDiffLocalize(t *testing.T) {
	f := Finding{RuleID: "ID-TEST", Jurisdiction: "ID", Message: message.New("cli.class_unread")}
	d := ReportDiff{Added: []Finding{f}, Removed: []Finding{f}}
	id := d.Localize(message.Indonesian)
	assert.Equal(t, "kelas tidak terbaca", id.Added[0].Text())
	assert.Equal(t, "kelas tidak terbaca", id.Removed[0].Text())
	assert.Equal(t, "class not read", d.Added[0].Text(), "the diff itself is not modified")
}
