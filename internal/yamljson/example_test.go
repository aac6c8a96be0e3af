package yamljson_test

import (
	"errors"
	"fmt"

	"github.com/openregen/secretomekit/internal/yamljson"
)

func ExampleConvert() {
	src := []byte("product:\n  name: Wound gel\n  dose: 1.20\n  sterile: yes\n")
	doc, err := yamljson.Convert(src, yamljson.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(doc.JSON))
	pos, _ := doc.Locate("product.dose")
	fmt.Println("product.dose is on line", pos.Line)
	// Output:
	// {"product":{"name":"Wound gel","dose":1.20,"sterile":"yes"}}
	// product.dose is on line 3
}

func ExampleConvert_errors() {
	_, err := yamljson.Convert([]byte("a: 1\na: 2\n"), yamljson.Options{})
	var e *yamljson.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, e.Line, e.Path)
		fmt.Println(err)
	}
	// Output:
	// duplicate 2 a
	// line 2: a: key "a" appears more than once (first on line 1)
}
