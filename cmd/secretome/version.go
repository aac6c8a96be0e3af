package main

import (
	"fmt"
	"github.com/openregen/secretomekit/message"
	"runtime"
	"runtime/debug"
	"strings"
)

// dossierSchemaID is the $id of the dossier format's JSON Schema.
const dossierSchemaID = "https://github.com/openregen/secretomekit/schema/dossier/v2"

// moduleVersion returns the module version the binary was built from, as
// recorded by the Go toolchain ("v1.2.3", a pseudo-version, or "devel" for
// a build from a working tree).
func moduleVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "devel"
	}
	return info.Main.Version
}

func runVersion(e *env, args []string) error {
	fs := newFlagSet(e, "version", "")
	extra, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(extra) > 0 {
		return usageIn(e.lang, "cli.args.unexpected", message.Text(strings.Join(extra, " ")))
	}
	fmt.Fprintf(e.stdout, "secretome %s (%s)\n", moduleVersion(), runtime.Version())
	fmt.Fprintf(e.stdout, "dossier schema: %s\n", dossierSchemaID)
	fmt.Fprintf(e.stdout, "check output:   %s\n", checkSchemaVersion)
	fmt.Fprintf(e.stdout, "rules output:   %s\n", rulesSchemaVersion)
	fmt.Fprintf(e.stdout, "grade output:   %s\n", gradeSchemaVersion)
	return nil
}
