//go:build !race

package wsgorilla

// raceEnabled: the race detector inflates memory figures and slows connection setup.
const raceEnabled = false
