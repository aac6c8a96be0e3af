package evidence_test

import (
	"fmt"

	"github.com/openregen/secretomekit/evidence"
	"github.com/openregen/secretomekit/message"
)

// The reasons of a GRADE assessment are catalogued messages: the same
// assessment reads in English (Reasons) and in Bahasa Indonesia
// (ReasonTexts rendered with In), with GRADE's terms in each language.
func ExampleAssessment_ReasonTexts() {
	body := evidence.Body{
		Question: evidence.Question{Indication: "L89", Outcome: "complete healing"},
		Studies:  woundCaseReports()[2:3], // the pressure-ulcer case report
	}
	a, err := evidence.Grade(body, evidence.GradeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := a.ReasonTexts()
	fmt.Println(a.Reasons()[3])
	fmt.Println(texts[3].In(message.Indonesian))
	fmt.Println(texts[len(texts)-1].In(message.Indonesian))
	// Output:
	// imprecision -1: serious: no comparative effect estimate, and only 1 participant (in 1 study of known size), below the optimal information size of 400 (the library's rule of thumb, GradeOptions.OISParticipants)
	// ketidaktepatan (imprecision) -1: serius: tidak ada estimasi efek komparatif, dan hanya 1 peserta (dalam 1 studi yang ukurannya diketahui), di bawah ukuran informasi optimal 400 (patokan praktis pustaka ini, GradeOptions.OISParticipants)
	// kepastian sangat rendah (skor 0)
}
