package message

// cliTexts are the messages of the secretome command's text output.
var cliTexts = []entry{
	{"cli.use_verdict", "use {0} {1}: {2}", "penggunaan {0} {1}: {2}"},
	{"cli.missing", "{0} (missing: {1})", "{0} (belum ada: {1})"},
	{"cli.finding_use", "use {0}: {1}", "penggunaan {0}: {1}"},
	{"cli.unassessed", "not assessed (no rules of their jurisdiction were applied): use {0}",
		"tidak dinilai (tidak ada aturan yurisdiksinya yang diterapkan): penggunaan {0}"},
	{"cli.dossier", "(dossier)", "(dosier)"},
	{"cli.fhir.invalid", "{0} is not a valid dossier; nothing exported", "{0} bukan dosier yang sah; tidak ada yang diekspor"},
	{"cli.fhir.unreadable", "{0} could not be read as a dossier Bundle", "{0} tidak dapat dibaca sebagai Bundle dosier"},
	{"cli.fhir.carried", "{0} have no FHIR R5 element; carried in the extension {1}",
		"{0} tidak memiliki elemen FHIR R5; dibawa dalam ekstensi {1}"},
	{"cli.audit", "audit: secretome {0}, library {1}, {2}, digest {3}", "audit: secretome {0}, pustaka {1}, {2}, digest {3}"},
	{"cli.summary", "{0}, rules as of {1}: {2} passed, {3} failed, {4} invalid, {5} unreadable; {6}, {7}, {8}",
		"{0}, aturan per {1}: {2} lulus, {3} gagal, {4} tidak sah, {5} tidak terbaca; {6}, {7}, {8}"},
	{"cli.status.pass", "PASS", "LULUS"},
	{"cli.status.fail", "FAIL", "GAGAL"},
	{"cli.status.invalid", "INVALID", "TIDAK SAH"},
	{"cli.status.unreadable", "UNREADABLE", "TIDAK TERBACA"},
	{"cli.waived", "waived", "dibebaskan"},
	{"cli.waived_finding", "{0} ({1}, waived: {2}, approved by {3}, until {4}: {5})",
		"{0} ({1}, dibebaskan: {2}, disetujui oleh {3}, sampai {4}: {5})"},
	{"cli.summary_waived", "{0}, {1} waived", "{0}, {1} dibebaskan"},
}
