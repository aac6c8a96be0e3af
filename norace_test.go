//go:build !race

package secretomekit_test

const raceEnabled = false
