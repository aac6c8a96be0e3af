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

// gradeDomainTexts are the reasons of the domains computed from the data.
var gradeDomainTexts = []entry{
	// Lists inside a reason, joined the same in every language.
	{"grade.list.one", "{0}", "{0}"},
	{"grade.list.comma", "{0}, {1}", "{0}, {1}"},
	{"grade.list.semicolon", "{0}; {1}", "{0}; {1}"},
	{"grade.share.weight", "{0} % of the meta-analysis weight", "{0} % dari bobot meta-analisis"},
	{"grade.share.count", "{0} % of the studies", "{0} % dari studi"},

	// Risk-of-bias judgements as the reasons name them.
	{"grade_judgement.not_assessed", "not_assessed", "belum dinilai"},
	{"grade_judgement.low", "low", "rendah"},
	{"grade_judgement.some_concerns", "some_concerns", "beberapa kekhawatiran (some concerns)"},
	{"grade_judgement.moderate", "moderate", "sedang"},
	{"grade_judgement.serious", "serious", "serius"},
	{"grade_judgement.high", "high", "tinggi"},
	{"grade_judgement.critical", "critical", "kritis"},
	{"grade_judgement.no_information", "no_information", "tidak ada informasi"},

	// Risk of bias.
	{"grade.rob.study", "{0} {1}", "{0} {1}"},
	{"grade.rob.robins", "ROBINS-I {0}", "ROBINS-I {0}"},
	{"grade.rob.robins_ni", "ROBINS-I {0} (counted as {1}: the library's choice, GradeOptions.ROBINSNoInformation)",
		"ROBINS-I {0} (dihitung sebagai {1}: pilihan pustaka ini, GradeOptions.ROBINSNoInformation)"},
	{"grade.rob.robins_no_confounding", "ROBINS-I {0} without confounding", "ROBINS-I {0} tanpa domain perancu"},
	{"grade.rob.method.robins", "ROBINS-I moderate −1, serious −2, critical −3 (GRADE guidelines 18)",
		"ROBINS-I sedang −1, serius −2, kritis −3 (GRADE guidelines 18)"},
	{"grade.rob.method.some_concerns", "RoB 2 some concerns or high −1 (Cochrane Handbook Table 12.2.d; GradeOptions.SomeConcernsRatesDown)",
		"RoB 2 beberapa kekhawatiran atau tinggi −1 (Cochrane Handbook Tabel 12.2.d; GradeOptions.SomeConcernsRatesDown)"},
	{"grade.rob.method.rob2", "RoB 2 high −1; some concerns alone does not rate down (the library's choice, GradeOptions.SomeConcernsRatesDown)",
		"RoB 2 tinggi −1; beberapa kekhawatiran saja tidak menurunkan peringkat (pilihan pustaka ini, GradeOptions.SomeConcernsRatesDown)"},
	{"grade.rob.method.low_start", "serious −1 and critical −2, judged without the confounding domain, which the low start already counts",
		"serius −1 dan kritis −2, dinilai tanpa domain perancu, yang sudah diperhitungkan oleh awal yang rendah"},
	{"grade.rob.unassessed.not_low", "; a study without a complete assessment counts as not low (the library's choice, GradeOptions.UnassessedNotRatedDown)",
		"; studi tanpa penilaian lengkap dihitung sebagai tidak rendah (pilihan pustaka ini, GradeOptions.UnassessedNotRatedDown)"},
	{"grade.rob.unassessed.not_serious", "; a study without a complete assessment counts as not serious (GradeOptions.UnassessedNotRatedDown)",
		"; studi tanpa penilaian lengkap dihitung sebagai tidak serius (GradeOptions.UnassessedNotRatedDown)"},
	{"grade.rob.rule", "{0}; a judgement decides when it holds for more than {1} % of the body (the library's choice, GradeOptions.RiskOfBiasShare){2}",
		"{0}; suatu penilaian menentukan bila berlaku untuk lebih dari {1} % kumpulan bukti (pilihan pustaka ini, GradeOptions.RiskOfBiasShare){2}"},
	{"grade.rob.not_serious", "not serious: no judgement that rates down holds for more than the share ({0}); {1}{2}",
		"tidak serius: tidak ada penilaian yang menurunkan peringkat berlaku untuk lebih dari bagian itu ({0}); {1}{2}"},
	{"grade.rob.rated", "{0}: {1} in {2} ({3}); {4}{5}", "{0}: {1} pada {2} ({3}); {4}{5}"},
	{"grade.rob.step.robins_critical", "ROBINS-I critical", "ROBINS-I kritis"},
	{"grade.rob.step.robins_serious", "ROBINS-I serious or worse", "ROBINS-I serius atau lebih buruk"},
	{"grade.rob.step.robins_moderate", "ROBINS-I moderate or worse", "ROBINS-I sedang atau lebih buruk"},
	{"grade.rob.step.critical", "critical risk of bias", "risiko bias kritis"},
	{"grade.rob.step.high", "high risk of bias or no assessment", "risiko bias tinggi atau tanpa penilaian"},

	// Inconsistency.
	{"grade.inconsistency.thresholds", "thresholds {0} % and {1} %: the library's choices, GradeOptions.SeriousI2 and VerySeriousI2",
		"ambang {0} % dan {1} %: pilihan pustaka ini, GradeOptions.SeriousI2 dan VerySeriousI2"},
	{"grade.inconsistency.i2", "{0}: I² = {1} % across {2} studies ({3})", "{0}: I² = {1} % pada {2} studi ({3})"},
	{"grade.inconsistency.few_studies", "{0}: with {1} studies, fewer than {2}, I² alone does not decide (the library's choice, GradeOptions.MinStudiesI2): I² = {3} % ({4}), the studies' confidence intervals {5}, and their effects point {6}",
		"{0}: dengan {1} studi, kurang dari {2}, I² saja tidak menentukan (pilihan pustaka ini, GradeOptions.MinStudiesI2): I² = {3} % ({4}), interval kepercayaan studi-studi itu {5}, dan efeknya {6}"},
	{"grade.inconsistency.overlap", "all overlap", "semuanya bertumpang tindih"},
	{"grade.inconsistency.no_overlap", "do not all overlap", "tidak semuanya bertumpang tindih"},
	{"grade.inconsistency.same_way", "the same way", "searah"},
	{"grade.inconsistency.different_ways", "different ways", "berlainan arah"},

	// Indirectness.
	{"grade.indirectness.none", "the question names no indication, product or comparator, and no outcome is a surrogate: indirectness cannot be computed",
		"pertanyaan tidak menyebutkan indikasi, produk atau pembanding, dan tidak ada luaran pengganti (surrogate): ketidaklangsungan tidak dapat dihitung"},
	{"grade.indirectness.rule", "; −1 when one of population, intervention, comparator and outcome differs, −2 when two or more do, in more than {0} % of the body (the library's choice, GradeOptions.RiskOfBiasShare)",
		"; −1 bila salah satu dari populasi, intervensi, pembanding dan luaran berbeda, −2 bila dua atau lebih berbeda, pada lebih dari {0} % kumpulan bukti (pilihan pustaka ini, GradeOptions.RiskOfBiasShare)"},
	{"grade.indirectness.very_serious", "very serious: two or more PICO elements differ from the question in {0}{1}{2}",
		"sangat serius: dua atau lebih unsur PICO berbeda dari pertanyaan pada {0}{1}{2}"},
	{"grade.indirectness.serious", "serious: a PICO element differs from the question in {0}{1}{2}",
		"serius: satu unsur PICO berbeda dari pertanyaan pada {0}{1}{2}"},
	{"grade.indirectness.not_serious", "not serious: population, intervention, comparator and outcome match the question in {0}{1}{2}",
		"tidak serius: populasi, intervensi, pembanding dan luaran sesuai dengan pertanyaan pada {0}{1}{2}"},
	{"grade.pico.detail", " ({0})", " ({0})"},
	{"grade.pico.study", "{0}: {1}", "{0}: {1}"},
	{"grade.pico.population", "the population's condition {0} is not covered by the indication {1}",
		"kondisi populasi {0} tidak tercakup oleh indikasi {1}"},
	{"grade.pico.product_unknown", "the intervention is not identified as product {0}",
		"intervensinya tidak teridentifikasi sebagai produk {0}"},
	{"grade.pico.product", "the intervention is product {0}, not {1}", "intervensinya produk {0}, bukan {1}"},
	{"grade.pico.comparator", "the comparator is {0}, not {1}", "pembandingnya {0}, bukan {1}"},
	{"grade.pico.surrogate", "the outcome {0} is a surrogate for the outcome that matters to patients",
		"luaran {0} adalah luaran pengganti (surrogate) bagi luaran yang penting bagi pasien"},

	// Imprecision with an effect estimate.
	{"grade.imprecision.ci_text", "{0} {1} ({2} % CI {3} to {4})", "{0} {1} (IK {2} % {3} sampai {4})"},
	{"grade.imprecision.thr_ratio", "an appreciable effect is a ratio below {0} or above {1} (GRADE guidelines 6's rough guide; GradeOptions.ImprecisionRatioLower, ImprecisionRatioUpper)",
		"efek yang bermakna adalah rasio di bawah {0} atau di atas {1} (panduan kasar GRADE guidelines 6; GradeOptions.ImprecisionRatioLower, ImprecisionRatioUpper)"},
	{"grade.imprecision.thr_mid", "an appreciable effect is a difference beyond the minimal important difference of {0} (GradeOptions.MID)",
		"efek yang bermakna adalah selisih di luar selisih penting minimal {0} (GradeOptions.MID)"},
	{"grade.imprecision.ci_excludes", "the confidence interval of {0} excludes no effect",
		"interval kepercayaan {0} tidak mencakup nilai tanpa efek"},
	{"grade.imprecision.ci_no_mid", "the confidence interval of {0} includes no effect, and without a minimal important difference (GradeOptions.MID) it is taken as including an appreciable effect (the library's choice)",
		"interval kepercayaan {0} mencakup nilai tanpa efek, dan tanpa selisih penting minimal (GradeOptions.MID) dianggap mencakup efek yang bermakna (pilihan pustaka ini)"},
	{"grade.imprecision.ci_both", "the confidence interval of {0} includes no effect and appreciable effects in both directions (−2 for this is the library's choice); {1}",
		"interval kepercayaan {0} mencakup nilai tanpa efek dan efek yang bermakna di kedua arah (−2 untuk hal ini adalah pilihan pustaka ini); {1}"},
	{"grade.imprecision.ci_one", "the confidence interval of {0} includes no effect and an appreciable effect; {1}",
		"interval kepercayaan {0} mencakup nilai tanpa efek dan efek yang bermakna; {1}"},
	{"grade.imprecision.ci_precise", "the confidence interval of {0} includes no effect but no appreciable effect, a precise finding of no important effect; {1}",
		"interval kepercayaan {0} mencakup nilai tanpa efek tetapi tidak mencakup efek yang bermakna, temuan yang tepat bahwa tidak ada efek penting; {1}"},
	{"grade.imprecision.events_enough", "{0} events reach the optimal information size of {1} events (the library's rule of thumb, GradeOptions.OISEvents)",
		"{0} kejadian mencapai ukuran informasi optimal {1} kejadian (patokan praktis pustaka ini, GradeOptions.OISEvents)"},
	{"grade.imprecision.events_below", "{0} events are below the optimal information size of {1} events (the library's rule of thumb, GradeOptions.OISEvents)",
		"{0} kejadian di bawah ukuran informasi optimal {1} kejadian (patokan praktis pustaka ini, GradeOptions.OISEvents)"},
	{"grade.imprecision.participants_enough", "{0} participants reach the optimal information size of {1} (the library's rule of thumb, GradeOptions.OISParticipants)",
		"{0} peserta mencapai ukuran informasi optimal {1} (patokan praktis pustaka ini, GradeOptions.OISParticipants)"},
	{"grade.imprecision.participants_below", "{0} participants are below the optimal information size of {1} (the library's rule of thumb, GradeOptions.OISParticipants)",
		"{0} peserta di bawah ukuran informasi optimal {1} (patokan praktis pustaka ini, GradeOptions.OISParticipants)"},
	{"grade.imprecision.ois_unknown", "optimal information size not checked: the number of events or participants is not known for every study",
		"ukuran informasi optimal tidak diperiksa: jumlah kejadian atau peserta tidak diketahui untuk setiap studi"},
	{"grade.imprecision.rated", "{0}: {1}; {2}", "{0}: {1}; {2}"},

	// Large effect.
	{"grade.large.or_control_risk", "the odds ratio cannot be converted to a risk ratio: the control risk is not known for every study",
		"odds ratio tidak dapat diubah menjadi risk ratio: risiko kelompok kontrol tidak diketahui untuk setiap studi"},
	{"grade.large.or_no_control", "the odds ratio cannot be converted to a risk ratio: no control participants",
		"odds ratio tidak dapat diubah menjadi risk ratio: tidak ada peserta kelompok kontrol"},
	{"grade.large.or", "odds ratio {0} converted to risk ratio {1} at the control risk {2}; ",
		"odds ratio {0} diubah menjadi risk ratio {1} pada risiko kelompok kontrol {2}; "},
	{"grade.large.measure", "the estimate's measure is {0}, not a risk or odds ratio: the large-effect thresholds do not apply",
		"ukuran efek estimasinya {0}, bukan risk ratio atau odds ratio: ambang efek besar tidak berlaku"},
	{"grade.large.includes_null", "{0}risk ratio {1}, but the confidence interval includes no effect",
		"{0}risk ratio {1}, tetapi interval kepercayaannya mencakup nilai tanpa efek"},
	{"grade.large.not_large", "{0}risk ratio {1}: not a large effect (thresholds 2 and 0.5, GRADE guidelines 9)",
		"{0}risk ratio {1}: bukan efek besar (ambang 2 dan 0.5, GRADE guidelines 9)"},
	{"grade.large.single", "{0}risk ratio {1} from a single study: GRADE guidelines 9 rates up only consistent evidence from at least two studies",
		"{0}risk ratio {1} dari satu studi saja: GRADE guidelines 9 hanya menaikkan peringkat bukti yang konsisten dari paling sedikit dua studi"},
	{"grade.large.inconsistent", "{0}risk ratio {1}, but the studies are inconsistent: GRADE guidelines 9 rates up only consistent evidence",
		"{0}risk ratio {1}, tetapi studi-studinya tidak konsisten: GRADE guidelines 9 hanya menaikkan peringkat bukti yang konsisten"},
	{"grade.large.rated", "{0}risk ratio {1} from {2} consistent studies: a {3} effect (beyond {4}, GRADE guidelines 9){5}",
		"{0}risk ratio {1} dari {2} studi yang konsisten: efek {3} (melampaui {4}, GRADE guidelines 9){5}"},
	{"grade.large.large", "large", "besar"},
	{"grade.large.very_large", "very large", "sangat besar"},
	{"grade.large.bounds_large", "2 or 0.5", "2 atau 0.5"},
	{"grade.large.bounds_very_large", "5 or 0.2", "5 atau 0.2"},
	{"grade.large.cap", "; +2 needs no serious risk-of-bias or imprecision concern, so +1",
		"; +2 mensyaratkan tidak ada masalah serius pada risiko bias atau ketidaktepatan, sehingga +1"},
}
