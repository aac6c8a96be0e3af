package message

// gradeTexts are the reasons of a GRADE assessment (package evidence):
// the lines of Assessment.Reasons, the start, each domain's rating and
// the studies left out. GRADE's terms are written as Indonesian
// translations of the GRADE handbook use them: kepastian bukti tinggi,
// sedang, rendah, sangat rendah; risiko bias, inkonsistensi,
// ketidaklangsungan (indirectness), ketidaktepatan (imprecision), bias
// publikasi.
//
// The English texts keep the stable spellings of the certainty and the
// domains ("very_low", "risk_of_bias"), as the reasons have always shown
// them.
var gradeTexts = []entry{
	// Certainties and domains as the reasons name them.
	{"grade_certainty.not_graded", "not_graded", "tidak dinilai"},
	{"grade_certainty.very_low", "very_low", "sangat rendah"},
	{"grade_certainty.low", "low", "rendah"},
	{"grade_certainty.moderate", "moderate", "sedang"},
	{"grade_certainty.high", "high", "tinggi"},
	{"grade_domain.risk_of_bias", "risk_of_bias", "risiko bias"},
	{"grade_domain.inconsistency", "inconsistency", "inkonsistensi"},
	{"grade_domain.indirectness", "indirectness", "ketidaklangsungan (indirectness)"},
	{"grade_domain.imprecision", "imprecision", "ketidaktepatan (imprecision)"},
	{"grade_domain.publication_bias", "publication_bias", "bias publikasi"},
	{"grade_domain.large_effect", "large_effect", "efek besar"},
	{"grade_domain.dose_response", "dose_response", "gradien dosis-respons"},
	{"grade_domain.plausible_confounding", "plausible_confounding", "perancu yang masuk akal (plausible confounding)"},
	{"grade_severity.not_serious", "not serious", "tidak serius"},
	{"grade_severity.serious", "serious", "serius"},
	{"grade_severity.very_serious", "very serious", "sangat serius"},
	{"grade_severity.extremely_serious", "extremely serious", "amat sangat serius"},
	{"noun.participant", "participant|participants", "peserta"},
	{"noun.nrs", "non-randomised comparative study|non-randomised comparative studies", "studi komparatif non-acak"},

	// The lines of Assessment.Reasons; {0} is the body's name when the
	// body was split, else empty.
	{"grade.line.body", "{0}: ", "{0}: "},
	{"grade.line.not_graded", "{0}not graded: {1}", "{0}tidak dinilai: {1}"},
	{"grade.line.start", "{0}start {1}: {2}", "{0}mulai dari kepastian {1}: {2}"},
	{"grade.line.override", "{0}{1} {2} (override of computed {3}: {4})", "{0}{1} {2} (penilaian pengganti atas hasil hitung {3}: {4})"},
	{"grade.line.effect", "{0}{1} {2}: {3}", "{0}{1} {2}: {3}"},
	{"grade.line.flagged", "{0}{1} flagged (not rated): {2}", "{0}{1} ditandai (tidak mengubah peringkat): {2}"},
	{"grade.line.not_assessed", "{0}{1} not assessed: {2}", "{0}{1} tidak dinilai: {2}"},
	{"grade.line.certainty", "{0}certainty {1} (score {2})", "{0}kepastian {1} (skor {2})"},

	// Which body leads when randomised and non-randomised evidence are
	// rated separately.
	{"grade.lead", "randomised and non-randomised evidence rated separately (Cochrane Handbook ch. 14 and 24); the {0} leads: {1}",
		"bukti dari studi acak dan non-acak dinilai terpisah (Cochrane Handbook bab 14 dan 24); {0} didahulukan: {1}"},
	{"grade.lead.randomised", "its certainty ({0}) is higher than that of the non-randomised evidence ({1})",
		"kepastiannya ({0}) lebih tinggi daripada kepastian bukti dari studi non-acak ({1})"},
	{"grade.lead.non_randomised", "its certainty ({0}) is higher than that of the randomised evidence ({1})",
		"kepastiannya ({0}) lebih tinggi daripada kepastian bukti dari studi acak ({1})"},
	{"grade.lead.tie", "both are {0}, and on a tie the randomised evidence is presented (the library's choice)",
		"keduanya {0}, dan bila sama, bukti dari studi acak yang ditampilkan (pilihan pustaka ini)"},

	// The start.
	{"grade.start.none", "no clinical study in the body", "tidak ada studi klinis dalam kumpulan bukti"},
	{"grade.start.one_left_out", "the one study in the body was left out: {0}", "satu-satunya studi dalam kumpulan bukti dikeluarkan: {0}"},
	{"grade.start.all_left_out", "all {0} studies in the body were left out (see Excluded for why)",
		"semua {0} studi dalam kumpulan bukti dikeluarkan (alasannya lihat Excluded)"},
	{"grade.start.randomised", "{0} randomised trial(s) or review(s) of randomised trials: randomised evidence starts high",
		"{0} uji acak atau tinjauan atas uji acak: bukti dari studi acak dimulai dari kepastian tinggi"},
	{"grade.start.robins", "{0}, all assessed with ROBINS-I: starts high and is rated down for risk of bias by the ROBINS-I judgement, which already covers confounding (GRADE guidelines 18: Schünemann et al., J Clin Epidemiol 2019;111:105-114){1}",
		"{0}, semuanya dinilai dengan ROBINS-I: dimulai dari kepastian tinggi dan diturunkan untuk risiko bias menurut penilaian ROBINS-I, yang sudah mencakup perancu (GRADE guidelines 18: Schünemann et al., J Clin Epidemiol 2019;111:105-114){1}"},
	{"grade.start.observational", "{0} or review(s) of them: observational evidence starts low because {1} (Cochrane Handbook 5.1, Table 12.2.a); confounding is counted by the low start, not again in risk of bias{2}",
		"{0} atau tinjauan atasnya: bukti observasional dimulai dari kepastian rendah karena {1} (Cochrane Handbook 5.1, Tabel 12.2.a); perancu sudah diperhitungkan oleh awal yang rendah, tidak lagi dalam risiko bias{2}"},
	{"grade.start.why.partial", "not every comparative study was assessed with ROBINS-I",
		"tidak setiap studi komparatif dinilai dengan ROBINS-I"},
	{"grade.start.why.none", "no study was assessed with ROBINS-I",
		"tidak ada studi yang dinilai dengan ROBINS-I"},
	{"grade.start.why.reviews", "it holds reviews of non-randomised studies, which ROBINS-I does not assess",
		"kumpulan bukti memuat tinjauan atas studi non-acak, yang tidak dinilai oleh ROBINS-I"},
	{"grade.start.mixed", "; the {0} case report(s) or case series in it are rated with it (started from its best design, an inference)",
		"; {0} laporan kasus atau serial kasus di dalamnya dinilai bersamanya (dimulai dari desain terbaiknya, sebuah inferensi)"},
	{"grade.start.uncontrolled", "{0} case report(s) or case series: very low (Cochrane Handbook 5.1, Table 12.2.a)",
		"{0} laporan kasus atau serial kasus: sangat rendah (Cochrane Handbook 5.1, Tabel 12.2.a)"},

	// Studies left out of a body.
	{"grade.excluded.design", "the design is not given", "desain studi tidak disebutkan"},
	{"grade.excluded.mechanistic", "a {0} study is mechanism-based evidence, not clinical evidence for an outcome",
		"studi {0} adalah bukti berbasis mekanisme, bukan bukti klinis untuk suatu luaran"},
	{"grade.excluded.no_outcomes", "the study reports no outcomes", "studi ini tidak melaporkan luaran apa pun"},
	{"grade.excluded.outcome", "the study does not report the outcome {0}", "studi ini tidak melaporkan luaran {0}"},
	{"grade.excluded.in_review", "included in the systematic review {0}, which is in the body: counted once, through the review (the library's choice; GradeOptions.PreferIncludedStudies keeps the study instead)",
		"dicakup oleh tinjauan sistematis {0}, yang ada dalam kumpulan bukti: dihitung sekali, melalui tinjauan itu (pilihan pustaka ini; GradeOptions.PreferIncludedStudies mempertahankan studinya)"},
	{"grade.excluded.prefer_included", "the studies it includes ({0}) are in the body: counted once, through the studies (GradeOptions.PreferIncludedStudies)",
		"studi-studi yang dicakupnya ({0}) ada dalam kumpulan bukti: dihitung sekali, melalui studi-studi itu (GradeOptions.PreferIncludedStudies)"},

	// Domains not computed from the data.
	{"grade.dose_response", "a dose-response gradient is not computed from the data; a reviewer may judge it with an override",
		"gradien dosis-respons tidak dihitung dari data; penelaah dapat menilainya dengan penilaian pengganti (override)"},
	{"grade.confounding", "the effect of plausible residual confounding is not computed from the data; a reviewer may judge it with an override",
		"pengaruh perancu residual yang masuk akal tidak dihitung dari data; penelaah dapat menilainya dengan penilaian pengganti (override)"},

	// Risk of bias.
	{"grade.rob.uncontrolled", "no comparative study: RoB 2 and ROBINS-I do not apply to case reports or case series, whose very low start already reflects the missing control group",
		"tidak ada studi komparatif: RoB 2 dan ROBINS-I tidak berlaku untuk laporan kasus atau serial kasus, yang awal sangat rendahnya sudah mencerminkan tidak adanya kelompok kontrol"},
	{"grade.rob.reviews_only", "not computed: the body holds only reviews and uncontrolled studies{0}",
		"tidak dihitung: kumpulan bukti hanya memuat tinjauan dan studi tanpa kontrol{0}"},
	{"grade.rob.review_note", "; the risk of bias of the studies inside {0} review(s) is not modelled: judge it with an override",
		"; risiko bias studi-studi di dalam {0} tinjauan tidak dimodelkan: nilailah dengan penilaian pengganti (override)"},

	// Inconsistency.
	{"grade.inconsistency.few", "fewer than two effect estimates: inconsistency cannot be assessed",
		"kurang dari dua estimasi efek: inkonsistensi tidak dapat dinilai"},

	// Imprecision.
	{"grade.imprecision.none", "no effect estimate and no study size: imprecision cannot be assessed",
		"tidak ada estimasi efek dan tidak ada ukuran studi: ketidaktepatan tidak dapat dinilai"},
	{"grade.imprecision.small", "serious: no comparative effect estimate, and only {0} (in {1} of known size), below the optimal information size of {2} (the library's rule of thumb, GradeOptions.OISParticipants)",
		"serius: tidak ada estimasi efek komparatif, dan hanya {0} (dalam {1} yang ukurannya diketahui), di bawah ukuran informasi optimal {2} (patokan praktis pustaka ini, GradeOptions.OISParticipants)"},
	{"grade.imprecision.enough", "not serious: no comparative effect estimate; {0} participants, at least the optimal information size of {1} (the library's rule of thumb, GradeOptions.OISParticipants)",
		"tidak serius: tidak ada estimasi efek komparatif; {0} peserta, paling sedikit sebesar ukuran informasi optimal {1} (patokan praktis pustaka ini, GradeOptions.OISParticipants)"},

	// Publication bias.
	{"grade.publication.few", "{0}, fewer than {1} (the library's choice, GradeOptions.MinStudiesPublicationBias): publication bias cannot be assessed from the data{2}",
		"{0}, kurang dari {1} (pilihan pustaka ini, GradeOptions.MinStudiesPublicationBias): bias publikasi tidak dapat dinilai dari data{2}"},
	{"grade.publication.not_computed", "not computed: judge funnel-plot asymmetry and the search, and record the judgement with an override{0}",
		"tidak dihitung: nilailah asimetri funnel plot dan penelusurannya, lalu catat penilaian itu dengan penilaian pengganti (override){0}"},
	{"grade.publication.flag", "; flagged: every study is small (under {0} participants, the library's choice, GradeOptions.SmallStudySize) and industry-funded, a known warning sign of publication bias",
		"; ditandai: setiap studi berukuran kecil (kurang dari {0} peserta, pilihan pustaka ini, GradeOptions.SmallStudySize) dan didanai industri, tanda peringatan bias publikasi yang dikenal"},

	// Large effect.
	{"grade.large.none", "no effect estimate", "tidak ada estimasi efek"},
}

// gradeUpTexts say why a domain that rates up did not.
var gradeUpTexts = []entry{
	{"grade.up.gate", "not rated up because {0}; computed {1}: {2}", "tidak dinaikkan karena {0}; hasil hitung {1}: {2}"},
	{"grade.up.randomised", "the evidence is randomised (GRADE rates up non-randomised evidence; GradeOptions.UpgradeRandomised)",
		"buktinya berasal dari studi acak (GRADE menaikkan peringkat bukti dari studi non-acak; GradeOptions.UpgradeRandomised)"},
	{"grade.up.rated_down", "the body was rated down (GradeOptions.UpgradeDespiteDowngrade)",
		"kumpulan bukti ini sudah diturunkan peringkatnya (GradeOptions.UpgradeDespiteDowngrade)"},
}
